/**
 * Figures computed from a whole bill: every article's history (La Fabrique's `articles_etapes.json`) and the
 * statistics. Their similarities take seconds of CPU on a long bill (pjl07-405), so they run on the bill worker, never
 * on the main thread, and are computed once per bill revision (its content head: any change to a bill appends to its
 * ledger, so a cached figure is never stale; votes, most of a consulted bill's entries, change none of these figures
 * and do not count) and shared by concurrent callers (STAT4).
 */
import { ErrorCode } from '../../../shared/errors.ts';
import { DomainError } from '../../common/errors.ts';
import type { BillContent } from '../bills/index.ts';
import { procedureOf } from './procedureOf.ts';
import { RevisionCache } from './revisionCache.ts';
import { billPool } from './workers/pools.ts';
import type { ResultOf, Task, TaskResults } from './workers/tasks.ts';

/** How long a whole-bill computation may take on its worker: ten times the longest seen (pjl07-405, loaded machine). */
const BUDGET_MS = 180_000;
const RETRY_AFTER_SECONDS = 5;

const histories = new RevisionCache<TaskResults['articleHistories']>(20);
const stats = new RevisionCache<TaskResults['billStats']>(100);

/** Every article's history of the bill at `revision` (read the revision before the content). */
export function articleHistoriesOf(billId: string, revision: number, content: BillContent) {
  return histories.get(billId, revision, () => onBillWorker({ kind: 'articleHistories', procedure: procedureOf(content) }));
}

/** La Fabrique's statistics of the bill at `revision`, and ours; the content is loaded only when not cached. */
export function statsOf(billId: string, revision: number, load: () => Promise<BillContent>) {
  return stats.get(billId, revision, async () => onBillWorker({ kind: 'billStats', procedure: procedureOf(await load()) }));
}

function onBillWorker<T extends Task>(task: T): Promise<ResultOf<T>> {
  const result = billPool().run(task, BUDGET_MS, () => {
    throw busy(`Computing this bill's ${task.kind} took longer than ${BUDGET_MS / 1000} s.`);
  });
  if (result === null) throw busy('Too many bills are being computed on this server.');
  return result;
}

const busy = (message: string) => new DomainError(ErrorCode.serverBusy, `${message} Try again shortly.`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
