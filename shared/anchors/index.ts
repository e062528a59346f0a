/** Anchors into the official text: schemas, creation, client checks, resolution and exact re-anchoring. */
export {
  AnchorInputSchema,
  AnchorProblem,
  AnchorQuoteSchema,
  AnchorSchema,
  AnchorStatus,
  CONTEXT_LENGTH,
  MAX_EXACT_LENGTH,
  type Anchor,
  type AnchorInput,
  type AnchorQuote,
  type Realignment,
  type ResolvedAnchor,
} from './anchorSchema.ts';
export {
  AnchorError,
  anchorFromQuote,
  checkAnchorInput,
  createAnchor,
  findArticleText,
  resolveAnchor,
  type AnchorErrorReason,
  type AnchorOutcome,
  type Realign,
} from './anchors.ts';
export {
  MAX_CANDIDATES,
  matchQuote,
  realignByQuote,
  realignmentOf,
  type QuoteMatch,
  type QuoteMiss,
} from './quoteMatch.ts';
export { alineaAt, alineaIn, alineaStarts, contextAround, splitsSurrogatePair } from './textContext.ts';
