/**
 * What an anchor is on the wire and in storage: a Yjs relative-position pair into one article's text plus a
 * W3C-style quote selector, validated with bounded schemas because anchors come from citizens' clients.
 */
import { z } from 'zod';
import type { ArticleId } from '../ids.ts';

/** How many UTF-16 code units of context a quote keeps on each side (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_LENGTH = 32;
/** Longest quotable range, in UTF-16 code units: an amendment targets an article's passage, not a whole code. */
export const MAX_EXACT_LENGTH = 10_000;
/** An encoded relative position is a few dozen bytes; anything longer is not one. */
const MAX_POSITION_LENGTH = 200;

/** Status of an anchored object against the current text. */
export const AnchorStatus = {
  /** The range resolves and covers exactly the quoted text (an insertion point: it resolves). */
  ok: 'ok',
  /** Still attached, but the covered text changed, or it was found again only approximately. */
  drifted: 'drifted',
  /** The covered words are gone, the article is gone, or nothing credible was found again. */
  orphan: 'orphan',
} as const;
/** One of the anchor statuses. */
export type AnchorStatus = (typeof AnchorStatus)[keyof typeof AnchorStatus];

/** Why an anchor could not be built from what a client sent. */
export const AnchorProblem = {
  /** No article with this id in the document. */
  articleNotFound: 'article_not_found',
  /** The relative positions do not decode, or point outside this article's text. */
  invalidPosition: 'invalid_position',
  /** The positions are valid but the text they cover is not `quote.exact`. */
  quoteMismatch: 'quote_mismatch',
  /** The quote does not occur in the article. */
  notFound: 'not_found',
  /** The quote occurs several times and neither context nor alinéa hint tells which. */
  ambiguous: 'ambiguous',
} as const;
/** One of the anchor problems. */
export type AnchorProblem = (typeof AnchorProblem)[keyof typeof AnchorProblem];

/** Same charset as article ids in shared/collab/billDocument.ts (they travel in paths and anchors). */
const ArticleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/)
  .transform((id) => id as ArticleId);
const PositionSchema = z.base64().min(1).max(MAX_POSITION_LENGTH);
const ExactSchema = z.string().max(MAX_EXACT_LENGTH);
const ContextSchema = z.string().max(CONTEXT_LENGTH);
const AlineaSchema = z.number().int().positive();

/** The quote selector: the covered text and its context, as the document had them when the anchor was made. */
export const AnchorQuoteSchema = z.strictObject({ exact: ExactSchema, prefix: ContextSchema, suffix: ContextSchema });
/** A quote selector. */
export type AnchorQuote = z.infer<typeof AnchorQuoteSchema>;

/** A stored or transported anchor; `start`/`end` are base64 `Y.encodeRelativePosition` bytes. */
export const AnchorSchema = z.strictObject({
  articleId: ArticleIdSchema,
  start: PositionSchema,
  end: PositionSchema,
  quote: AnchorQuoteSchema,
  alinea: AlineaSchema,
});
/** An anchor into one article's text. */
export type Anchor = z.infer<typeof AnchorSchema>;

/** A quote as a client may send it: context optional (the server recomputes it anyway). */
const InputQuoteSchema = z.strictObject({
  exact: ExactSchema,
  prefix: ContextSchema.optional(),
  suffix: ContextSchema.optional(),
});

/**
 * What a client sends to anchor something: relative positions from its own Y.Doc with the quote they cover, or,
 * for clients without Yjs (plain REST), a quote alone with an optional alinéa hint to choose among repetitions.
 */
export const AnchorInputSchema = z.union([
  z.strictObject({ articleId: ArticleIdSchema, start: PositionSchema, end: PositionSchema, quote: InputQuoteSchema }),
  z.strictObject({ articleId: ArticleIdSchema, quote: InputQuoteSchema, alinea: AlineaSchema.optional() }),
]);
/** A client's anchor request. */
export type AnchorInput = z.infer<typeof AnchorInputSchema>;

/** Where an anchor lies in the current text. */
export interface ResolvedAnchor {
  status: AnchorStatus;
  /** Offset (UTF-16 code units) of the range in the article's current text. */
  index: number;
  length: number;
  /** The text currently covered ('' for an insertion point or an orphan). */
  text: string;
  /** 1-based alinéa where the range starts now (the last known one for an orphan without text). */
  alinea: number;
  /** True when the positions no longer applied and the range comes from alignment: store a fresh anchor (reanchor). */
  realigned: boolean;
}

/** A range found by alignment in a plain string (no Yjs), before it becomes a ResolvedAnchor. */
export interface Realignment {
  status: AnchorStatus;
  index: number;
  length: number;
}
