/**
 * Fixed-window rate limits ("at most N per window per key"), in process for one node, in Redis when
 * several nodes must share the count.
 */

/** The verdict for one attempt. */
export interface RateDecision {
  allowed: boolean;
  /** Milliseconds until the window resets (when refused, how long to wait). */
  retryAfterMs: number;
}

/** Counts attempts per key. */
export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within `limit` per `windowMs`. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision>;
  close(): Promise<void>;
}

/** Counts in this process's memory; windows are swept as they expire so idle keys do not accumulate. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  #lastSweep = Date.now();

  /** See RateLimiter.hit. */
  hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const now = Date.now();
    if (now - this.#lastSweep > 60_000) this.#sweep(now);
    let window = this.#windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return Promise.resolve({ allowed: window.count <= limit, retryAfterMs: window.resetAt - now });
  }

  /** Nothing to release. */
  close(): Promise<void> {
    this.#windows.clear();
    return Promise.resolve();
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
    this.#lastSweep = now;
  }
}
