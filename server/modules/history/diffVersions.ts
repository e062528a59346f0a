/**
 * What changed between two versions of a bill, article by article, word by word.
 */
import type { ArticleDiff, VersionDiff } from '../../../shared/api/history.ts';
import { wordDiff } from '../../../shared/text/wordDiff.ts';
import type { Database } from '../../storage/database.ts';
import { getVersion } from '../bills/index.ts';
import { unifyStatus } from './lafabrique/articleHistory.ts';

type VersionArticle = Awaited<ReturnType<typeof getVersion>>['articles'][number];

const textOf = (article: VersionArticle | undefined) =>
  article === undefined || unifyStatus(article.status ?? 'none') === 'sup' ? '' : article.alineas.join('\n');
const shownNumber = (article: VersionArticle) => article.newNumber ?? article.number;

/** The per-article word diff from version `fromId` to version `toId` of a bill. */
export async function diffVersions(db: Database, billId: string, fromId: string, toId: string): Promise<VersionDiff> {
  const [from, to] = await Promise.all([getVersion(db, billId, fromId), getVersion(db, billId, toId)]);
  const before = new Map(from.articles.map((article) => [article.articleId, article]));
  const after = new Map(to.articles.map((article) => [article.articleId, article]));

  const articles = mergeOrder(from.articles, to.articles).map((articleId): ArticleDiff => {
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
    return {
      articleId,
      number: ((now ?? old) as VersionArticle).number,
      fromNumber: old ? shownNumber(old) : null,
      toNumber: now ? shownNumber(now) : null,
      status,
      parts: wordDiff(oldText, newText),
    };
  });
  const counts = { new: 0, modified: 0, unchanged: 0, deleted: 0, renumbered: 0 };
  for (const article of articles) counts[article.status] += 1;
  return { billId, from: fromId, to: toId, counts, articles };
}

/**
 * Article ids in reading order: the later version's order, each article only in the earlier version
 * placed right after the article that preceded it there.
 */
function mergeOrder(from: VersionArticle[], to: VersionArticle[]): string[] {
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
