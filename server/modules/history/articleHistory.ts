/**
 * An article at every step of its bill: status, text, length and share changed, as La Fabrique's
 * "articles" view shows it.
 */
import type { ArticleHistory } from '../../../shared/api/history.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { articleIdOf, loadBillContent } from '../bills/index.ts';
import { computeArticleHistories } from './lafabrique/articleHistory.ts';
import { procedureOf } from './procedureOf.ts';

/** The history of the article numbered `number` (its working number, e.g. "1er A"). */
export async function getArticleHistory(db: Database, billId: string, number: string): Promise<ArticleHistory> {
  const bill = await loadBillContent(db, billId);
  // Only this article's similarities are computed: all of a long bill's take seconds (pjl07-405: ~2 s).
  const id = number.replaceAll(' ', '_');
  const history = id === 'echec' ? undefined : computeArticleHistories(procedureOf(bill), id)[id];
  if (history?.titre !== number) throw notFound(ErrorCode.articleNotFound, `Bill ${billId} has no article ${number}`);
  const stepsByKey = new Map(bill.steps.map((step) => [step.key, step]));
  return {
    billId,
    articleId: articleIdOf(billId, number),
    number,
    section: history.section,
    order: history.order,
    steps: history.steps.map((entry) => {
      const step = stepsByKey.get(entry.id_step);
      const alineas = step?.text?.articles.find((article) => article.number === number)?.alineas ?? null;
      return {
        stepKey: entry.id_step,
        stepId: step?.id ?? '',
        versionId: step?.versionId ?? null,
        status: entry.status,
        diff: entry.diff ?? null,
        nDiff: entry.n_diff,
        length: entry.length,
        alineas: entry.status === 'sup' ? null : alineas,
        newNumber: entry.newnum ?? null,
      };
    }),
  };
}
