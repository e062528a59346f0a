/**
 * The article × step grid of a bill (HIST8), as La Fabrique's "articles" view draws it: a row per article, a cell
 * per step it was seen at, with its status and share changed. Computed from every article's history (on the bill
 * worker, once per revision); the texts are left out, HIST6 gives them one article at a time.
 */
import type { ArticleGrid } from '../../../shared/api/history.ts';
import type { Database } from '../../storage/database.ts';
import { articleIdOf, loadBillContent } from '../bills/index.ts';
import { contentHead } from '../ledger/index.ts';
import { orderStepsForHistory } from './lafabrique/articleHistory.ts';
import { procedureOf } from './procedureOf.ts';
import { articleHistoriesOf } from './wholeBill.ts';

/** The grid of the bill; throws bill_not_found. */
export async function getArticleGrid(db: Database, billId: string): Promise<ArticleGrid> {
  // The revision is read before the content, so what is cached for it is never older than it.
  const revision = await contentHead(db, billId);
  const bill = await loadBillContent(db, billId);
  const histories = await articleHistoriesOf(billId, revision, bill);
  const stepsByKey = new Map(bill.steps.map((step) => [step.key, step]));
  // Columns: the steps the histories walk, in their order, that have a text or failed (promulgation has neither).
  const seen = new Set(Object.values(histories).flatMap((history) => history.steps.map((entry) => entry.id_step)));
  const columns = orderStepsForHistory(procedureOf(bill)).steps.filter((step) => seen.has(step.directory));
  return {
    billId,
    steps: columns.flatMap((column) => {
      const step = stepsByKey.get(column.directory);
      if (step === undefined) return [];
      const { key, id, versionId, stage, institution, kind, date, echec } = step;
      return [{ stepKey: key, stepId: id, versionId, stage, institution, kind, date, echec }];
    }),
    articles: Object.values(histories)
      .filter((history) => history.id !== 'echec')
      .sort((a, b) => a.order - b.order)
      .map((history) => ({
        articleId: articleIdOf(billId, history.titre),
        number: history.titre,
        section: history.section,
        order: history.order,
        cells: history.steps.map((entry) => ({
          stepKey: entry.id_step,
          status: entry.status,
          diff: entry.diff ?? null,
          nDiff: entry.n_diff,
          length: entry.length,
          newNumber: entry.newnum ?? null,
        })),
      })),
  };
}
