/**
 * What the history workers compute (workerPool.ts runs them on threads, historyWorker.ts is the threads' entry):
 * pure functions of plain data, so a task crosses to a thread and back by structured clone.
 */
import { type DiffResult, wordDiffAll } from '../../../../shared/text/wordDiff.ts';
import { type ArticleHistory, computeArticleHistories } from '../lafabrique/articleHistory.ts';
import { computeExtraStats, computeLaFabriqueStats, type ExtraStats, type LaFabriqueStats } from '../lafabrique/stats.ts';
import type { Procedure } from '../lafabrique/types.ts';

/** Two texts to diff: before, after. */
export type TextPair = readonly [string, string];

/** A task for a worker. */
export type Task =
  /** The word diffs of the pairs, all sharing the budget (DIFF2). */
  | { kind: 'wordDiffs'; pairs: TextPair[]; timeoutMs: number }
  /** Every article's history (La Fabrique's `articles_etapes.json`): seconds of CPU on a long bill. */
  | { kind: 'articleHistories'; procedure: Procedure }
  /** La Fabrique's statistics and ours: about as long, for the same similarity computations. */
  | { kind: 'billStats'; procedure: Procedure };

/** What each kind of task answers. */
export interface TaskResults {
  wordDiffs: DiffResult[];
  articleHistories: Record<string, ArticleHistory>;
  billStats: { lafabrique: LaFabriqueStats; extra: ExtraStats };
}

/** The answer of a task of kind K. */
export type ResultOf<T extends Task> = TaskResults[T['kind']];

/** Computes a task (on whichever thread calls it). */
export function runTask<T extends Task>(task: T): ResultOf<T> {
  return compute(task) as ResultOf<T>;
}

function compute(task: Task): TaskResults[keyof TaskResults] {
  switch (task.kind) {
    case 'wordDiffs':
      return wordDiffAll(task.pairs, task.timeoutMs);
    case 'articleHistories':
      return computeArticleHistories(task.procedure);
    case 'billStats':
      return { lafabrique: computeLaFabriqueStats(task.procedure), extra: computeExtraStats(task.procedure) };
  }
}
