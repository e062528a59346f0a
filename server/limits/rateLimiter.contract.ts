/**
 * The rate limiter contract, run on the in-process and the Redis implementations.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from './rateLimiter.ts';

/** Runs the contract on limiters made by `make` (two of them share a medium: two nodes). */
export function runRateLimiterContract(name: string, make: () => Promise<[RateLimiter, RateLimiter]>, skipReason: string | null): void {
  describe.skipIf(skipReason !== null)(`rate limiter contract: ${name}${skipReason ? ` (${skipReason})` : ''}`, () => {
    let a: RateLimiter;
    let b: RateLimiter;
    const key = () => `test-${randomBytes(6).toString('hex')}`;
    beforeAll(async () => {
      [a, b] = await make();
    });
    afterAll(async () => {
      await a?.close();
      if (b !== a) await b?.close();
    });

    it('RATE1 allows up to the limit within a window, then refuses with the time to wait', async () => {
      const k = key();
      const verdicts = [];
      for (let i = 0; i < 4; i += 1) verdicts.push(await a.hit(k, 3, 60_000));
      expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false]);
      expect(verdicts[3]?.retryAfterMs).toBeGreaterThan(50_000);
      expect(verdicts[3]?.retryAfterMs).toBeLessThanOrEqual(60_000);
    });

    it('RATE2 keys are counted apart', async () => {
      const [k1, k2] = [key(), key()];
      await a.hit(k1, 1, 60_000);
      expect((await a.hit(k1, 1, 60_000)).allowed).toBe(false);
      expect((await a.hit(k2, 1, 60_000)).allowed).toBe(true);
    });

    it('RATE3 a new window starts once the last one expired', async () => {
      const k = key();
      expect((await a.hit(k, 1, 50)).allowed).toBe(true);
      expect((await a.hit(k, 1, 50)).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await a.hit(k, 1, 50)).allowed).toBe(true);
    });

    it('RATE4 nodes sharing a medium share the count', async () => {
      const k = key();
      await a.hit(k, 2, 60_000);
      await b.hit(k, 2, 60_000);
      expect((await a.hit(k, 2, 60_000)).allowed).toBe(false);
    });
  });
}
