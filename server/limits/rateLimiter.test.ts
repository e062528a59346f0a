import { randomBytes } from 'node:crypto';
import { MemoryRateLimiter } from './rateLimiter.ts';
import { runRateLimiterContract } from './rateLimiter.contract.ts';
import { RedisRateLimiter } from './redisRateLimiter.ts';

const redisUrl = process.env.TEST_REDIS_URL;

runRateLimiterContract(
  'memory',
  () => {
    // One node's limiter is its own medium: both handles are the same instance.
    const limiter = new MemoryRateLimiter();
    return Promise.resolve([limiter, limiter]);
  },
  null,
);

runRateLimiterContract(
  'redis',
  async () => {
    const prefix = `ratelimit-test:${randomBytes(4).toString('hex')}:`;
    return [await RedisRateLimiter.connect(redisUrl as string, prefix), await RedisRateLimiter.connect(redisUrl as string, prefix)];
  },
  redisUrl ? null : 'skipped: set TEST_REDIS_URL to run against Redis',
);
