/**
 * What changed between two versions' articles: each article's status and its word diff, in reading order. Shared by
 * the diff between two chosen versions (DIFF3) and the history stream (HIST7).
 */
import type { ArticleDiff } from '../../../shared/api/history.ts';
import { unifyStatus } from './lafabrique/articleHistory.ts';
import { diffTexts } from './textDiffs.ts';

/** The fields of a version's article a diff reads. */
export interface ArticleText {
  articleId: string;
  number: string;
  status: string | null;
  alineas: string[];
  newNumber: string | null;
}

/** How many articles have each status. */
export type StatusCounts = Record<ArticleDiff['status'], number>;

// A deleted article ("supprimé") reads as empty, so its diff shows all of it removed.
const textOf = (article: ArticleText | undefined) =>
  article === undefined || unifyStatus(article.status ?? 'none') === 'sup' ? '' : article.alineas.join('\n');
const shownNumber = (article: ArticleText) => article.newNumber ?? article.number;

/** The per-article diffs turning `from` into `to` (the articles of two versions, in order), and their counts. */
export async function diffArticles(from: readonly ArticleText[], to: readonly ArticleText[]): Promise<{ articles: ArticleDiff[]; counts: StatusCounts }> {
  const before = new Map(from.map((article) => [article.articleId, article]));
  const after = new Map(to.map((article) => [article.articleId, article]));
  const compared = mergeOrder(from, to).map((articleId) => {
    const old = before.get(articleId);
    const now = after.get(articleId);
    const oldText = textOf(old);
    const newText = textOf(now);
    const status: ArticleDiff['status'] =
      newText === '' && oldText !== ''
        ? 'deleted'
        : oldText === '' && newText !== ''
          ? 'new'
          : oldText !== newText
            ? 'modified'
            : old && now && shownNumber(old) !== shownNumber(now)
              ? 'renumbered'
              : 'unchanged';
    return { articleId, old, now, status, texts: [oldText, newText] as const };
  });
  const diffs = await diffTexts(compared.map(({ texts }) => texts));
  const counts: StatusCounts = { new: 0, modified: 0, unchanged: 0, deleted: 0, renumbered: 0 };
  const articles = compared.map(({ articleId, old, now, status }, i): ArticleDiff => {
    counts[status] += 1;
    return {
      articleId,
      number: ((now ?? old) as ArticleText).number,
      fromNumber: old ? shownNumber(old) : null,
      toNumber: now ? shownNumber(now) : null,
      status,
      parts: diffs[i]?.parts ?? [],
    };
  });
  return { articles, counts };
}

/**
 * Article ids in reading order: the later version's order, each article only in the earlier version
 * placed right after the article that preceded it there.
 */
function mergeOrder(from: readonly ArticleText[], to: readonly ArticleText[]): string[] {
  const order = to.map((article) => article.articleId);
  const present = new Set(order);
  let anchor = -1;
  for (const article of from) {
    if (present.has(article.articleId)) {
      anchor = order.indexOf(article.articleId);
      continue;
    }
    order.splice(anchor + 1, 0, article.articleId);
    present.add(article.articleId);
    anchor += 1;
  }
  return order;
}
