/**
 * Where an amendment sits in the text, as its official wording names it (AMEND7), from the article ids it targets and
 * the live text's numbers: the server words stored amendments with it, the browser a draft being co-written, so both
 * say the same.
 */
import type { FormalPlacement, FormalWording } from './formalWording.ts';
import { formalWording } from './formalWording.ts';

/** An amendment's target as both sides know it. */
export interface PlacedAmendment {
  kind: string;
  /** The article it changes (a range's article included); null for add_article and sous-amendements. */
  articleId: string | null;
  /** That article's number when it was targeted, for when the live text no longer has it. */
  articleNumber: string | null;
  /** add_article: the article it follows; null when it goes first. */
  afterArticleId: string | null;
  /** add_article: the number of the article it adds. */
  newArticleNumber: string | null;
  /** Its number once deposited (a sous-amendement's parent is named by it). */
  number: string | null;
}

/** Article id → number, in the order of the text. */
export type ArticleNumbers = ReadonlyMap<string, string>;

/** The amendment's placement in the text as it stands. */
export function placementOf(amendment: PlacedAmendment, numbers: ArticleNumbers): FormalPlacement {
  const { kind } = amendment;
  if (kind === 'add_article') {
    if (amendment.afterArticleId !== null) {
      return { kind, articleNumber: null, afterArticleNumber: numbers.get(amendment.afterArticleId) ?? null, beforeArticleNumber: null };
    }
    // Placed first: before the text's first article, which once adopted is the one it added.
    const first = [...numbers.values()].find((number) => number !== amendment.newArticleNumber) ?? null;
    return { kind, articleNumber: null, afterArticleNumber: null, beforeArticleNumber: first };
  }
  const current = amendment.articleId === null ? undefined : numbers.get(amendment.articleId);
  return { kind, articleNumber: current ?? amendment.articleNumber, afterArticleNumber: null, beforeArticleNumber: null };
}

/** The official wording of the change from `before` to `after` the amendment makes (a sous-amendement: to its parent). */
export function formalWordingOfChange(
  amendment: PlacedAmendment,
  change: { before: string; after: string },
  parent: PlacedAmendment | undefined,
  numbers: ArticleNumbers,
): FormalWording {
  return formalWording({
    ...placementOf(amendment, numbers),
    newArticleNumber: amendment.newArticleNumber,
    before: change.before,
    after: change.after,
    parent: parent ? { number: parent.number, placement: placementOf(parent, numbers) } : null,
  });
}
