/**
 * Applies a rate limit to a request: refused attempts get 429 `rate_limited` with Retry-After.
 */
import { ErrorCode } from '../../shared/errors.ts';
import { DomainError } from '../common/errors.ts';
import type { RateLimiter } from '../limits/index.ts';

/** A limit: at most `limit` attempts per `windowMs` for each key. */
export interface RateRule {
  name: string;
  limit: number;
  windowMs: number;
}

/** Counts one attempt of `rule` for `key` (usually the client address) and throws when over the limit. */
export async function enforceRateLimit(limiter: RateLimiter, rule: RateRule, key: string): Promise<void> {
  const decision = await limiter.hit(`${rule.name}:${key}`, rule.limit, rule.windowMs);
  if (!decision.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new DomainError(ErrorCode.rateLimited, `Too many attempts; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}
