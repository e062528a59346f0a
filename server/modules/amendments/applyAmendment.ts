/**
 * Adoption's edit of the bill document, made inside one Yjs transaction together with the record that it was made
 * (the document's `adoptions` map), so a retry after a crash never applies an amendment twice.
 */
import * as Y from 'yjs';
import { type Anchor, findArticleText } from '../../../shared/anchors/index.ts';
import { adoptionsOf, articlesOf } from '../../../shared/collab/billDocument.ts';
import { rewriteText } from '../../../shared/text/rewriteText.ts';
import { articleIdOf } from '../bills/index.ts';
import type { AmendmentRow } from './amendmentQueries.ts';
import { type PlannedAmendment, planChange } from '../../../shared/amendments/changePlan.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';

/** An amendment about to be applied; `newArticle` for add_article (its id and number). */
export interface AdoptedAmendment extends PlannedAmendment {
  id: string;
  afterArticleId: string | null;
  newArticle: { id: string; number: string } | null;
}

/** The stored amendment as applied; `dispositif` in place of its own (a sous-amendement's wording, in a what-if). */
export function adoptionOf(billId: string, row: AmendmentRow, dispositif: string | null = row.dispositif): AdoptedAmendment {
  return {
    id: row.id,
    kind: row.kind ?? '',
    articleId: row.articleId,
    anchor: row.anchor as Anchor | null,
    text: dispositif,
    afterArticleId: row.afterArticleId,
    newArticle: row.kind === 'add_article' && row.articleNumber ? { id: articleIdOf(billId, row.articleNumber), number: row.articleNumber } : null,
  };
}

/** Thrown when what the amendment targets is no longer in the text. */
export class TargetGoneError extends Error {
  override readonly name = 'TargetGoneError';
}

/** The status an article deleted by amendment keeps in the text (La Fabrique's word for it). */
export const DELETED_ARTICLE_STATUS = 'supprimé';

/** Applies the amendment to the document unless the document says it already was. */
export function applyAmendment(doc: Y.Doc, amendment: AdoptedAmendment): void {
  const adoptions = adoptionsOf(doc);
  if (adoptions.has(amendment.id)) return;
  if (amendment.kind === 'add_article') addArticle(doc, amendment);
  else {
    const plan = planChange(doc, amendment, resolveAnchorOnServer);
    if (plan === null || plan.articleId === null) throw new TargetGoneError(`the text amendment ${amendment.id} targets is gone`);
    rewriteText(findArticleText(doc, plan.articleId) as Y.Text, plan.after);
    if (amendment.kind === 'delete_article') articleMap(doc, plan.articleId)?.set('status', DELETED_ARTICLE_STATUS);
  }
  adoptions.set(amendment.id, true);
}

function articleMap(doc: Y.Doc, articleId: string): Y.Map<unknown> | undefined {
  return articlesOf(doc)
    .toArray()
    .find((map) => map.get('id') === articleId);
}

function addArticle(doc: Y.Doc, amendment: AdoptedAmendment): void {
  const { newArticle } = amendment;
  if (newArticle === null) throw new Error('addArticle: no new article');
  const articles = articlesOf(doc);
  const maps = articles.toArray();
  let at = 0;
  let sectionKey: unknown = maps[0]?.get('sectionKey') ?? null;
  if (amendment.afterArticleId !== null) {
    const previous = maps.findIndex((map) => map.get('id') === amendment.afterArticleId);
    if (previous < 0) throw new TargetGoneError(`article ${amendment.afterArticleId} is no longer in the text`);
    at = previous + 1;
    sectionKey = maps[previous]?.get('sectionKey') ?? null;
  }
  const map = new Y.Map<unknown>();
  map.set('id', newArticle.id);
  map.set('number', newArticle.number);
  map.set('sectionKey', sectionKey);
  map.set('status', null);
  map.set('text', new Y.Text(amendment.text ?? ''));
  articles.insert(at, [map]);
}
