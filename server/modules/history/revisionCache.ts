/**
 * Remembers results computed from a whole bill (statistics take seconds of CPU on a long bill), valid for one
 * revision of the bill: its ledger head, or its content head (the latest entry other than a vote) for what votes do
 * not change. Any change to a bill appends to its ledger, so a hit is never stale.
 */

/** A small least-recently-used cache of per-bill results, keyed by bill (or bill and what was asked of it). */
export class RevisionCache<T> {
  readonly #entries = new Map<string, { revision: number; value: Promise<T> }>();

  constructor(private readonly capacity: number) {}

  /** The value for the key at this revision, computed once (concurrent callers share the computation). */
  get(key: string, revision: number, compute: () => Promise<T>): Promise<T> {
    const cached = this.#entries.get(key);
    this.#entries.delete(key);
    if (cached?.revision === revision) {
      this.#entries.set(key, cached);
      return cached.value;
    }
    const value = compute();
    this.#entries.set(key, { revision, value });
    // A failed computation must not be served to the next caller.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }
}
