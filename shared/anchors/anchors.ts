/**
 * Anchors into a bill document's article texts (`bill:<id>`, see shared/collab/billDocument.ts): create them, check
 * what clients send, and resolve them against the live text. Pure functions over Yjs, no I/O, usable in the browser.
 *
 * Association: `start` is associated to the first covered character (assoc 0: the item on its right) and `end` to
 * the last one (assoc -1: the item on its left), so typing right before or right after a range never stretches it,
 * and an empty range (insertion point) stays between the same two characters.
 */
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { articlesKey } from '../collab/billDocument.ts';
import type { ArticleId } from '../ids.ts';
import {
  AnchorProblem,
  MAX_EXACT_LENGTH,
  type Anchor,
  type AnchorInput,
  type AnchorStatus,
  type Realignment,
  type ResolvedAnchor,
} from './anchorSchema.ts';
import { matchQuote, realignByQuote } from './quoteMatch.ts';
import { alineaAt, contextAround, splitsSurrogatePair } from './textContext.ts';

/** Why createAnchor refused a range. */
export type AnchorErrorReason = 'article_not_found' | 'out_of_range' | 'splits_surrogate_pair' | 'too_long';

/** Thrown by createAnchor for a range it cannot anchor; `reason` says why. */
export class AnchorError extends Error {
  readonly reason: AnchorErrorReason;
  constructor(reason: AnchorErrorReason, message: string) {
    super(message);
    this.name = 'AnchorError';
    this.reason = reason;
  }
}

/** Finds the range of an anchor in an article's current text when its relative positions no longer apply. */
export type Realign = (articleText: string, anchor: Anchor) => Realignment;

/** An anchor built from a client's input, or why not. */
export type AnchorOutcome = { anchor: Anchor } | { problem: AnchorProblem };

/** The Y.Text of an article, or null when the document has no such article (or is not bill-shaped). */
export function findArticleText(doc: Y.Doc, articleId: string): Y.Text | null {
  const root = doc.share.get(articlesKey);
  // Reading an absent root would create it, and one of another type cannot be read as an array: no side effects.
  if (root === undefined || !(root instanceof Y.Array || root.constructor === Y.AbstractType)) return null;
  for (const article of doc.getArray<unknown>(articlesKey)) {
    if (article instanceof Y.Map && article.get('id') === articleId) {
      const text: unknown = article.get('text');
      return text instanceof Y.Text ? text : null;
    }
  }
  return null;
}

const encodePosition = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** Anchors `length` code units from `index` of an article's current text; throws AnchorError when it cannot. */
export function createAnchor(doc: Y.Doc, articleId: ArticleId, index: number, length: number): Anchor {
  const text = findArticleText(doc, articleId);
  if (text === null) throw new AnchorError('article_not_found', `createAnchor: no article ${articleId}`);
  const content = text.toJSON();
  const end = index + length;
  if (!Number.isInteger(index) || !Number.isInteger(length) || index < 0 || length < 0 || end > content.length) {
    throw new AnchorError('out_of_range', `createAnchor: [${index}, ${end}) outside a text of ${content.length}`);
  }
  if (length > MAX_EXACT_LENGTH) throw new AnchorError('too_long', `createAnchor: ${length} > ${MAX_EXACT_LENGTH}`);
  if (splitsSurrogatePair(content, index) || splitsSurrogatePair(content, end)) {
    throw new AnchorError('splits_surrogate_pair', `createAnchor: [${index}, ${end}) cuts a character in half`);
  }
  return {
    articleId,
    start: encodePosition(Y.createRelativePositionFromTypeIndex(text, index, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(text, end, -1)),
    quote: { exact: content.slice(index, end), ...contextAround(content, index, end) },
    alinea: alineaAt(content, index),
  };
}

/** The offset a base64 relative position designates in `text` now, or null if it is not a position in `text`. */
function resolvePosition(doc: Y.Doc, text: Y.Text, encoded: string): number | null {
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
  // A root-type name would make Yjs create that root in the document; article texts are never roots anyway.
  if (position.tname !== null) return null;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  // A position in another type (another article, the articles array, a replaced text) does not apply here.
  return absolute !== null && absolute.type === text ? absolute.index : null;
}

/** Status of a range that still resolves: collapsed means its words were all deleted. */
function statusOfRange(exact: string, covered: string): AnchorStatus {
  if (covered === exact) return 'ok';
  return covered === '' ? 'orphan' : 'drifted';
}

/**
 * Where an anchor lies now. By its relative positions while they point into the article's current Y.Text; when they
 * no longer do (article deleted and re-inserted, document re-seeded), by `realign` on the current text. The default
 * realigns by exact quote only; the server passes its fuzzy one (resolveAnchorOnServer in server/modules/anchors).
 */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor, realign: Realign = realignByQuote): ResolvedAnchor {
  const text = findArticleText(doc, anchor.articleId);
  if (text === null) {
    return { status: 'orphan', index: 0, length: 0, text: '', alinea: anchor.alinea, realigned: false };
  }
  const content = text.toJSON();
  const start = resolvePosition(doc, text, anchor.start);
  const end = resolvePosition(doc, text, anchor.end);
  if (start === null || end === null) {
    const found = realign(content, anchor);
    const covered = content.slice(found.index, found.index + found.length);
    const alinea = found.status === 'orphan' ? anchor.alinea : alineaAt(content, found.index);
    return { ...found, text: covered, alinea, realigned: true };
  }
  // After an insertion at an insertion point, its end (left character) resolves before its start (right character):
  // the point stays right after its left character.
  const index = Math.min(start, end);
  const covered = content.slice(index, Math.max(index, end));
  return {
    status: statusOfRange(anchor.quote.exact, covered),
    index,
    length: covered.length,
    text: covered,
    alinea: alineaAt(content, index),
    realigned: false,
  };
}

/** Anchors a quote (no positions): the occurrence whose context agrees best, then nearest `alineaHint`. */
export function anchorFromQuote(
  doc: Y.Doc,
  articleId: ArticleId,
  quote: { exact: string; prefix?: string | undefined; suffix?: string | undefined },
  alineaHint?: number,
): AnchorOutcome {
  const text = findArticleText(doc, articleId);
  if (text === null) return { problem: AnchorProblem.articleNotFound };
  const full = { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
  const match = matchQuote(text.toJSON(), full, alineaHint);
  if ('problem' in match) return match;
  return { anchor: createAnchor(doc, articleId, match.index, match.length) };
}

/**
 * Turns a client's anchor request into a stored anchor. Positions must decode, point into this article's Y.Text and
 * cover exactly `quote.exact`; the anchor is then rebuilt from the document (positions with our association,
 * context, alinéa), never taken from the client. A quote-only request goes through anchorFromQuote.
 */
export function checkAnchorInput(doc: Y.Doc, input: AnchorInput): AnchorOutcome {
  if (!('start' in input)) return anchorFromQuote(doc, input.articleId, input.quote, input.alinea);
  const text = findArticleText(doc, input.articleId);
  if (text === null) return { problem: AnchorProblem.articleNotFound };
  const start = resolvePosition(doc, text, input.start);
  const end = resolvePosition(doc, text, input.end);
  if (start === null || end === null) return { problem: AnchorProblem.invalidPosition };
  const index = Math.min(start, end);
  const length = Math.max(0, end - start);
  if (text.toJSON().slice(index, index + length) !== input.quote.exact) return { problem: AnchorProblem.quoteMismatch };
  try {
    return { anchor: createAnchor(doc, input.articleId, index, length) };
  } catch (error) {
    if (error instanceof AnchorError) return { problem: AnchorProblem.invalidPosition };
    throw error;
  }
}
