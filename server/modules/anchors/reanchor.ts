/**
 * Anchor resolution with the server's fuzzy realignment, and re-anchoring: fresh relative positions into the current
 * Y.Text once an anchor had to be found again by alignment, for the caller to store.
 */
import type * as Y from 'yjs';
import { createAnchor, resolveAnchor, type Anchor, type ResolvedAnchor } from '../../../shared/anchors/index.ts';
import { realignAnchor } from './realign.ts';

/** resolveAnchor with exact then fuzzy realignment (shared/ alone re-anchors by exact quote only). */
export function resolveAnchorOnServer(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  return resolveAnchor(doc, anchor, realignAnchor);
}

/**
 * Resolves an anchor and, when it was found again by alignment (`resolved.realigned`, not orphan), returns a fresh
 * anchor on the current text; otherwise the anchor unchanged. The fresh anchor keeps the author's `exact`, so a
 * fuzzy re-anchor stays `drifted` on later resolutions rather than silently becoming `ok`; its context and alinéa are
 * the current ones, which locate it best should the text be replaced again.
 */
export function reanchor(doc: Y.Doc, anchor: Anchor): { anchor: Anchor; resolved: ResolvedAnchor } {
  const resolved = resolveAnchorOnServer(doc, anchor);
  if (!resolved.realigned || resolved.status === 'orphan') return { anchor, resolved };
  const fresh = createAnchor(doc, anchor.articleId, resolved.index, resolved.length);
  return { anchor: { ...fresh, quote: { ...fresh.quote, exact: anchor.quote.exact } }, resolved };
}
