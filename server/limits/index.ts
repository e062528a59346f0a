/**
 * Limits: rate limiting (in process for one node, in Redis when REDIS_URL is set), and the connections each client
 * address holds on a node.
 */
import { MemoryRateLimiter, type RateLimiter } from './rateLimiter.ts';
import { RedisRateLimiter } from './redisRateLimiter.ts';

export { ConnectionsPerAddress, type ReleaseSlot } from './connectionsPerAddress.ts';
export { MemoryRateLimiter, type RateDecision, type RateLimiter } from './rateLimiter.ts';
export { RedisRateLimiter } from './redisRateLimiter.ts';

/** The limiter for this deployment. */
export async function createRateLimiter(redisUrl: string | undefined): Promise<RateLimiter> {
  return redisUrl ? RedisRateLimiter.connect(redisUrl) : new MemoryRateLimiter();
}
