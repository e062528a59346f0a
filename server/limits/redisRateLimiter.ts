/**
 * Rate limits shared by every node through Redis: one counter per key and window, expiring with it.
 */
import { createClient } from 'redis';
import type { RateDecision, RateLimiter } from './rateLimiter.ts';

type RedisClient = ReturnType<typeof createClient>;

/** Counts in Redis so a client cannot multiply its allowance by spreading requests over nodes. */
export class RedisRateLimiter implements RateLimiter {
  private readonly client: RedisClient;

  private constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.client = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) } });
    // Without a listener a Redis blip would crash the process; commands fail (and are reported) meanwhile.
    this.client.on('error', () => undefined);
  }

  /** Connects to Redis; `prefix` namespaces the keys (tests use a random one). */
  static async connect(url: string, prefix = 'ratelimit:'): Promise<RedisRateLimiter> {
    const limiter = new RedisRateLimiter(url, prefix);
    await limiter.client.connect();
    return limiter;
  }

  /** See RateLimiter.hit: INCR, start the expiry on the first hit, read what is left, atomically. */
  async hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const redisKey = `${this.prefix}${key}`;
    const [count, , ttl] = (await this.client
      .multi()
      .incr(redisKey)
      .pExpire(redisKey, windowMs, 'NX')
      .pTTL(redisKey)
      .exec()) as unknown as [number, number, number];
    return { allowed: count <= limit, retryAfterMs: ttl > 0 ? ttl : windowMs };
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.client.close().catch(() => this.client.destroy());
  }
}
