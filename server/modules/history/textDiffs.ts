/**
 * Word diffs for the history endpoints without blocking the event loop (DIFF5). Most diffs between versions are a
 * few edits and take well under a millisecond: they run here, with a short budget. Long texts (over
 * OFF_THREAD_FROM changed characters), and any pair that did not finish within that short budget, go to the
 * worker pool with the full budget (DIFF2). When the pool's queue is full, the pairs get what the main thread
 * already has: their coarse form.
 */
import { coarseDiff, DEFAULT_TIMEOUT_MS, type DiffResult, wordDiffUntil } from '../../../shared/text/wordDiff.ts';
import { diffPool } from './workers/pools.ts';
import type { TextPair } from './workers/tasks.ts';

/** Changed characters (both sides) from which a diff goes straight to a worker. */
export const OFF_THREAD_FROM = 64 * 1024;
/** What a diff may search on the main thread before it is handed to a worker. */
export const INLINE_BUDGET_MS = 10;

const coarse = (pairs: readonly TextPair[]): DiffResult[] => pairs.map(([before, after]) => ({ parts: coarseDiff(before, after), complete: false }));

/** The word diffs of `pairs` (an article's text before and after), sharing one budget. */
export async function diffTexts(pairs: readonly TextPair[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DiffResult[]> {
  const changed = pairs.reduce((sum, [before, after]) => (before === after ? sum : sum + before.length + after.length), 0);
  const here = changed < OFF_THREAD_FROM;
  const deadline = Date.now() + Math.min(timeoutMs, INLINE_BUDGET_MS);
  // Unchanged texts cost nothing; the others are tried here first unless they are long.
  const results = pairs.map(([before, after]) => (here || before === after ? wordDiffUntil(before, after, deadline) : null));
  const pending = pairs.flatMap((pair, i) => (results[i]?.complete ? [] : [{ i, pair }]));
  if (pending.length === 0) return results as DiffResult[];
  const handed = pending.map(({ pair }) => pair);
  const offThread = await diffPool().run({ kind: 'wordDiffs', pairs: handed, timeoutMs }, timeoutMs, () => coarse(handed));
  pending.forEach(({ i, pair: [before, after] }, k) => {
    results[i] = offThread?.[k] ?? results[i] ?? { parts: coarseDiff(before, after), complete: false };
  });
  return results as DiffResult[];
}
