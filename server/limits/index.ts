/** Rate limiting: in process for one node, in Redis when REDIS_URL is set. */
import { MemoryRateLimiter, type RateLimiter } from './rateLimiter.ts';
import { RedisRateLimiter } from './redisRateLimiter.ts';

export { MemoryRateLimiter, type RateDecision, type RateLimiter } from './rateLimiter.ts';
export { RedisRateLimiter } from './redisRateLimiter.ts';

/** The limiter for this deployment. */
export async function createRateLimiter(redisUrl: string | undefined): Promise<RateLimiter> {
  return redisUrl ? RedisRateLimiter.connect(redisUrl) : new MemoryRateLimiter();
}
