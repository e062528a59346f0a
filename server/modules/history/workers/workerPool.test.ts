import { afterEach, describe, expect, it } from 'vitest';
import { coarseDiff, sideOf } from '../../../../shared/text/wordDiff.ts';
import { billText, editBill, generateBill, mulberry32, unrelatedAlineas } from '../../../../test/history/generatedBill.ts';
import { computeArticleHistories } from '../lafabrique/articleHistory.ts';
import { procedure, step } from '../lafabrique/testFixtures.ts';
import { diffTexts } from '../textDiffs.ts';
import { closeHistoryPools, diffPoolStats } from './pools.ts';
import type { TextPair } from './tasks.ts';
import { WorkerPool, type WorkerPoolOptions } from './workerPool.ts';

const OPTIONS: WorkerPoolOptions = { size: 1, maxQueued: 4, graceMs: 1_000, idleMs: 5_000, heapMb: 256 };
const coarse = (pairs: TextPair[]) => pairs.map(([before, after]) => ({ parts: coarseDiff(before, after), complete: false }));
/** Runs word diffs on the pool, answered coarsely on overrun, as the history endpoints do. */
const diffs = (pool: WorkerPool, pairs: TextPair[], timeoutMs: number) => pool.run({ kind: 'wordDiffs', pairs, timeoutMs }, timeoutMs, () => coarse(pairs));
const [unrelatedBefore, unrelatedAfter] = [unrelatedAlineas(1, 100_000).join('\n'), unrelatedAlineas(2, 100_000).join('\n')];

describe('history workers', () => {
  const pools: WorkerPool[] = [];
  const pool = (options: Partial<WorkerPoolOptions> = {}) => {
    const created = new WorkerPool({ ...OPTIONS, ...options });
    pools.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  it('DIFF5 a worker answers the word diffs of a job', async () => {
    const answer = await diffs(pool(), [['Le maire publie la liste.', 'Le maire transmet la liste.']], 1_000);
    expect(answer).toEqual([
      {
        complete: true,
        parts: [
          { op: 'equal', text: 'Le maire ' },
          { op: 'delete', text: 'publie' },
          { op: 'insert', text: 'transmet' },
          { op: 'equal', text: ' la liste.' },
        ],
      },
    ]);
  });

  it('DIFF5 a job finding the queue full is refused at once, never queued', async () => {
    const small = pool({ maxQueued: 1 });
    // The worker is still starting: the first job waits in the queue, which is then full.
    const first = diffs(small, [['a', 'b']], 1_000);
    expect(first).not.toBeNull();
    expect(diffs(small, [['c', 'd']], 1_000)).toBeNull();
    expect(small.stats().refused).toBe(1);
    await first;
  });

  it('DIFF2 DIFF5 a worker overrunning its budget is replaced, and the job answered coarsely', async () => {
    // A negative grace cuts the job off long before its worker's own search gives up.
    const strict = pool({ graceMs: -29_000 });
    const [result] = (await diffs(strict, [[unrelatedBefore, unrelatedAfter]], 30_000)) ?? [];
    expect(result?.complete).toBe(false);
    expect(sideOf(result?.parts ?? [], 'before')).toBe(unrelatedBefore);
    expect(sideOf(result?.parts ?? [], 'after')).toBe(unrelatedAfter);
    expect(strict.stats()).toMatchObject({ cutOff: 1, running: 0 });
    // The next job gets a new worker (with a budget long enough to outlast the negative grace).
    expect((await diffs(strict, [['x', 'y']], 60_000))?.[0]?.complete).toBe(true);
  });

  it('STAT4 a whole-bill task runs on a worker and answers what the main thread would compute', async () => {
    const bill = procedure([
      step('01', { kind: 'depot', text: { articles: [{ number: '1er', status: 'none', alineas: ['Le maire publie la liste.'], newNumber: null, sectionKey: null }] } }),
      step('02', { text: { articles: [{ number: '1er', status: 'none', alineas: ['Le maire transmet la liste.'], newNumber: null, sectionKey: null }] } }),
    ]);
    const histories = await pool().run({ kind: 'articleHistories', procedure: bill }, 10_000, () => ({}));
    expect(histories).toEqual(computeArticleHistories(bill));
    expect(histories?.['1er']?.steps.map((entry) => [entry.id_step, entry.status])).toEqual([
      ['01', 'depot'],
      ['02', 'none'],
    ]);
    expect(histories?.['1er']?.steps[1]?.n_diff).toBeGreaterThan(0);
  });

  it('STAT4 an error thrown by a task rejects its job, and the worker goes on with the next', async () => {
    const failing = pool();
    // A procedure whose step has no articles list: the computation throws inside the worker.
    const broken = procedure([step('01', { kind: 'depot', text: {} as never })]);
    await expect(failing.run({ kind: 'articleHistories', procedure: broken }, 10_000, () => ({}))).rejects.toThrow('history worker');
    expect((await diffs(failing, [['a', 'b']], 1_000))?.[0]?.complete).toBe(true);
  });

  it('STAT4 a job whose fallback throws rejects with that error when its worker overruns', async () => {
    const strict = pool({ graceMs: -29_000 });
    const job = strict.run({ kind: 'wordDiffs', pairs: [[unrelatedBefore, unrelatedAfter]], timeoutMs: 30_000 }, 30_000, () => {
      throw new Error('too long');
    });
    await expect(job).rejects.toThrow('too long');
  });

  it('DIFF5 closing the pool refuses what is queued', async () => {
    const closing = pool();
    const refused = expect(diffs(closing, [['a', 'b']], 1_000)).rejects.toThrow('closed');
    await closing.close();
    await refused;
  });
});

describe('diffs of the history endpoints', () => {
  afterEach(() => closeHistoryPools());

  it('DIFF5 small diffs stay on the main thread; long ones go to a worker; both exact', async () => {
    // A few short articles, a few edits: far within the main thread's 10 ms once the code is warm.
    const bill = generateBill(3, 1_500);
    const edited = editBill(mulberry32(4), bill, 3);
    const pairs = bill.map((article, i) => [article.alineas.join('\n'), (edited[i]?.alineas ?? []).join('\n')] as const);
    await diffTexts(pairs);
    const before = diffPoolStats();
    const small = await diffTexts(pairs);
    expect(diffPoolStats().done).toBe(before.done);
    small.forEach((result, i) => {
      expect(result.complete).toBe(true);
      expect(sideOf(result.parts, 'before')).toBe(pairs[i]?.[0]);
      expect(sideOf(result.parts, 'after')).toBe(pairs[i]?.[1]);
    });

    const long = billText(generateBill(5, 80_000));
    const [result] = await diffTexts([[long, `${long}\nUn alinéa ajouté.`]]);
    expect(diffPoolStats().done).toBe(before.done + 1);
    expect(result?.parts.at(-1)).toEqual({ op: 'insert', text: '\nUn alinéa ajouté.' });
  });
});
