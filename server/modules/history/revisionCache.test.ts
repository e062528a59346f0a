import { describe, expect, it } from 'vitest';
import { RevisionCache } from './revisionCache.ts';

describe('per-bill revision cache', () => {
  it('STAT4 computes once per bill revision, again when the revision moves, and evicts the least recently used', async () => {
    const cache = new RevisionCache<string>(2);
    let computations = 0;
    const compute = (value: string) => () => {
      computations += 1;
      return Promise.resolve(value);
    };
    expect(await Promise.all([cache.get('a', 1, compute('a1')), cache.get('a', 1, compute('x'))])).toEqual(['a1', 'a1']);
    expect(computations).toBe(1);
    expect(await cache.get('a', 2, compute('a2'))).toBe('a2');
    expect(computations).toBe(2);
    await cache.get('b', 1, compute('b1'));
    await cache.get('a', 2, compute('unused'));
    await cache.get('c', 1, compute('c1')); // evicts b, the least recently used
    expect(await cache.get('a', 2, compute('recomputed'))).toBe('a2');
    expect(await cache.get('b', 1, compute('b1 again'))).toBe('b1 again');
  });

  it('STAT4 a failed computation is not kept', async () => {
    const cache = new RevisionCache<string>(2);
    await expect(cache.get('a', 1, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('a', 1, () => Promise.resolve('ok'))).toBe('ok');
  });
});
