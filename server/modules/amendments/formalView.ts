/**
 * The official form of an amendment as presented (AMEND7): generated from the diff the reader is shown (live for
 * drafts and deposited amendments, as recorded once decided), with the article numbers of the live text.
 */
import { type ArticleNumbers, formalWordingOfChange, type PlacedAmendment } from '../../../shared/amendments/placement.ts';
import type { Anchor } from '../../../shared/anchors/index.ts';
import type { Amendment, FormalWording } from '../../../shared/api/amendments.ts';
import type { AmendmentRow } from './amendmentQueries.ts';

/** The wording, or null when there is no diff (hidden, target gone) or the amendment was imported (no kind). */
export function formalWordingOf(row: AmendmentRow, diff: Amendment['diff'], parent: AmendmentRow | undefined, numbers: ArticleNumbers): FormalWording | null {
  if (diff === null || row.kind === null) return null;
  return formalWordingOfChange(placed(row), diff, parent && placed(parent), numbers);
}

/** A stored amendment as its placement reads it: an add_article's number is the article it adds. */
function placed(row: AmendmentRow): PlacedAmendment {
  const kind = row.kind ?? '';
  const adds = kind === 'add_article';
  return {
    kind,
    articleId: row.articleId ?? (row.anchor as Anchor | null)?.articleId ?? null,
    articleNumber: adds ? null : row.articleNumber,
    afterArticleId: row.afterArticleId,
    newArticleNumber: adds ? row.articleNumber : null,
    number: row.number,
  };
}
