/**
 * The official form of an amendment as presented (AMEND7): generated from the diff the reader is shown (live for
 * drafts and deposited amendments, as recorded once decided), with the article numbers of the live text.
 */
import { type FormalPlacement, formalWording } from '../../../shared/amendments/formalWording.ts';
import type { Anchor } from '../../../shared/anchors/index.ts';
import type { Amendment, FormalWording } from '../../../shared/api/amendments.ts';
import type { AmendmentRow } from './amendmentQueries.ts';

/** Article id → number, in the order of the text. */
export type ArticleNumbers = ReadonlyMap<string, string>;

/** The wording, or null when there is no diff (hidden, target gone) or the amendment was imported (no kind). */
export function formalWordingOf(row: AmendmentRow, diff: Amendment['diff'], parent: AmendmentRow | undefined, numbers: ArticleNumbers): FormalWording | null {
  if (diff === null || row.kind === null) return null;
  return formalWording({
    ...placementOf(row, numbers),
    newArticleNumber: row.kind === 'add_article' ? row.articleNumber : null,
    before: diff.before,
    after: diff.after,
    parent: parent ? { number: parent.number, placement: placementOf(parent, numbers) } : null,
  });
}

function placementOf(row: AmendmentRow, numbers: ArticleNumbers): FormalPlacement {
  const kind = row.kind ?? '';
  if (kind === 'add_article') {
    if (row.afterArticleId !== null) {
      return { kind, articleNumber: null, afterArticleNumber: numbers.get(row.afterArticleId) ?? null, beforeArticleNumber: null };
    }
    // Placed first: before the text's first article, which once adopted is the one it added.
    const first = [...numbers.values()].find((number) => number !== row.articleNumber) ?? null;
    return { kind, articleNumber: null, afterArticleNumber: null, beforeArticleNumber: first };
  }
  const articleId = row.articleId ?? (row.anchor as Anchor | null)?.articleId ?? null;
  return { kind, articleNumber: (articleId && numbers.get(articleId)) ?? row.articleNumber, afterArticleNumber: null, beforeArticleNumber: null };
}
