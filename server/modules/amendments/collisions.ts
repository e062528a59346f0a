/**
 * Which amendments collide: their targets overlap in the current text. A change to a whole article collides with
 * every change to that article; two ranges collide when they share a character, and an insertion point collides
 * with a range around it or another point at the same place. Targets in different articles never overlap, so only
 * amendments on the same article are ever compared (a new article and a sous-amendement target no article's text).
 */
import type * as Y from 'yjs';
import type { Anchor } from '../../../shared/anchors/index.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';

/** Where an amendment's target lies now: a span of an article's text, or the whole article. */
export interface TargetSpan {
  articleId: string;
  /** null: the whole article. */
  range: { start: number; end: number } | null;
}

/** The fields collision checks read. */
export interface CollidingAmendment {
  kind: string;
  articleId: string | null;
  anchor: Anchor | null;
}

const wholeArticle = (kind: string) => kind === 'rewrite_article' || kind === 'delete_article';

/**
 * The article whose text the amendment targets, from its stored fields alone (no document needed): the article of
 * any span {@link targetSpan} can give it, or null when it can have none. What may collide is loaded by this.
 */
export function targetArticleOf(amendment: CollidingAmendment): string | null {
  return wholeArticle(amendment.kind) ? amendment.articleId : (amendment.anchor?.articleId ?? null);
}

/** The amendment's target in the current document, or null when it has none there (gone, or a new article). */
export function targetSpan(doc: Y.Doc, amendment: CollidingAmendment): TargetSpan | null {
  if (wholeArticle(amendment.kind)) return amendment.articleId === null ? null : { articleId: amendment.articleId, range: null };
  if (amendment.anchor === null) return null;
  const resolved = resolveAnchorOnServer(doc, amendment.anchor);
  if (resolved.status === 'orphan') return null;
  return { articleId: amendment.anchor.articleId, range: { start: resolved.index, end: resolved.index + resolved.length } };
}

/** True when the two targets overlap. */
export function overlaps(a: TargetSpan, b: TargetSpan): boolean {
  if (a.articleId !== b.articleId) return false;
  if (a.range === null || b.range === null) return true;
  const aPoint = a.range.start === a.range.end;
  const bPoint = b.range.start === b.range.end;
  if (aPoint && bPoint) return a.range.start === b.range.start;
  if (aPoint) return b.range.start <= a.range.start && a.range.start <= b.range.end;
  if (bPoint) return a.range.start <= b.range.start && b.range.start <= a.range.end;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** A stored amendment, as far as collisions go. */
export interface StoredTarget {
  id: string;
  kind: string | null;
  articleId: string | null;
  anchor: unknown;
}

/** The target fields of a stored amendment; imported amendments (no kind) target nothing here. */
function storedTarget(row: StoredTarget): CollidingAmendment | null {
  return row.kind ? { kind: row.kind, articleId: row.articleId, anchor: row.anchor as Anchor | null } : null;
}

/** The article a stored amendment's target may lie in (see {@link targetArticleOf}); sous-amendements have none. */
export function collisionArticleOf(row: StoredTarget): string | null {
  const target = storedTarget(row);
  return target && target.kind !== 'sub_amendment' ? targetArticleOf(target) : null;
}

/** What amendments collide with, against one document. */
export interface CollisionFinder<Candidate> {
  /** The candidates whose targets overlap the amendment's, itself excluded. */
  collisionsOf(row: StoredTarget): Candidate[];
}

/**
 * Collisions with `candidates`, the deposited amendments on the articles of the amendments to check (loaded once
 * for all of them): grouped by article, so each amendment is compared with its own article's only, and each span
 * resolved once. Sous-amendements rewrite a dispositif, not the text: they collide with nothing.
 */
export function collisionFinder<Candidate extends StoredTarget>(doc: Y.Doc, candidates: readonly Candidate[]): CollisionFinder<Candidate> {
  const spans = new Map<string, TargetSpan | null>();
  const spanOf = (row: StoredTarget) => {
    if (!spans.has(row.id)) {
      const target = storedTarget(row);
      spans.set(row.id, target ? targetSpan(doc, target) : null);
    }
    return spans.get(row.id) ?? null;
  };
  const byArticle = new Map<string, Map<string, Candidate>>();
  for (const candidate of candidates) {
    const articleId = collisionArticleOf(candidate);
    if (articleId === null) continue;
    // Keyed by id: a candidate given twice is still one collision.
    const onArticle = byArticle.get(articleId) ?? new Map<string, Candidate>();
    byArticle.set(articleId, onArticle.set(candidate.id, candidate));
  }
  return {
    collisionsOf(row) {
      const span = spanOf(row);
      if (span === null) return [];
      return [...(byArticle.get(span.articleId)?.values() ?? [])].filter((other) => {
        if (other.id === row.id) return false;
        const otherSpan = spanOf(other);
        return otherSpan !== null && overlaps(span, otherSpan);
      });
    },
  };
}
