import { describe, expect, it } from 'vitest';
import { InFlight, perDatabase } from './inFlight.ts';

describe('InFlight', () => {
  it('callers asking while a computation runs share it; once settled, the next caller starts afresh', async () => {
    const shared = new InFlight<number>();
    let started = 0;
    const compute = () => Promise.resolve(++started);
    const [a, b] = await Promise.all([shared.run('k', compute), shared.run('k', compute)]);
    expect([a, b, started]).toEqual([1, 1, 1]);
    expect(shared.size).toBe(0);
    expect(await shared.run('k', compute)).toBe(2);
    // Another key is another computation.
    const [c, d] = await Promise.all([shared.run('k', compute), shared.run('other', compute)]);
    expect(new Set([c, d])).toEqual(new Set([3, 4]));
  });

  it('a failure reaches every caller of that run and is not kept', async () => {
    const shared = new InFlight<string>();
    const failing = () => Promise.reject(new Error('boom'));
    const both = [shared.run('k', failing), shared.run('k', () => Promise.resolve('never started'))];
    for (const result of await Promise.allSettled(both)) expect(result).toMatchObject({ status: 'rejected', reason: new Error('boom') });
    expect(await shared.run('k', () => Promise.resolve('again'))).toBe('again');
  });

  it('perDatabase keeps one value per database object', () => {
    const of = perDatabase<object, InFlight<number>>(() => new InFlight());
    const [one, two] = [{}, {}];
    expect(of(one)).toBe(of(one));
    expect(of(one)).not.toBe(of(two));
  });
});
