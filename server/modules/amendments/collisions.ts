/**
 * Which amendments collide: their targets overlap in the current text. A change to a whole article collides with
 * every change to that article; two ranges collide when they share a character, and an insertion point collides
 * with a range around it or another point at the same place.
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

/** The amendment's target in the current document, or null when it has none there (gone, or a new article). */
export function targetSpan(doc: Y.Doc, amendment: CollidingAmendment): TargetSpan | null {
  if (amendment.kind === 'rewrite_article' || amendment.kind === 'delete_article') {
    return amendment.articleId === null ? null : { articleId: amendment.articleId, range: null };
  }
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
