/**
 * The node's two history pools, started on first use. Diffs and whole-bill computations have pools of their own: a
 * long bill's statistics hold a worker for seconds, and the diffs of a history stream must not queue behind them.
 */
import { availableParallelism } from 'node:os';
import { WorkerPool, type WorkerPoolStats } from './workerPool.ts';

let diffs: WorkerPool | null = null;
let bills: WorkerPool | null = null;

/** Word diffs (DIFF5): one worker per core but one, at least one, at most four; 32 jobs queued at most. */
export function diffPool(): WorkerPool {
  diffs ??= new WorkerPool({ size: Math.min(4, Math.max(1, availableParallelism() - 1)), maxQueued: 32, graceMs: 1_000, idleMs: 30_000, heapMb: 512 });
  return diffs;
}

/**
 * Whole-bill computations (STAT4): one worker, 16 jobs queued at most. They are cached per bill revision, so a
 * queue is rare: it means many bills changed at once, and one worker keeps them from taking every core.
 */
export function billPool(): WorkerPool {
  bills ??= new WorkerPool({ size: 1, maxQueued: 16, graceMs: 5_000, idleMs: 60_000, heapMb: 1_024 });
  return bills;
}

/** What the diff workers did so far. */
export const diffPoolStats = (): WorkerPoolStats => diffPool().stats();

/** What the whole-bill workers did so far. */
export const billPoolStats = (): WorkerPoolStats => billPool().stats();

/** Stops every history worker (the pools restart on next use). */
export async function closeHistoryPools(): Promise<void> {
  const current = [diffs, bills].filter((pool) => pool !== null);
  diffs = bills = null;
  await Promise.all(current.map((pool) => pool.close()));
}
