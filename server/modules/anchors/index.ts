/** The anchors module's public use cases: resolution with fuzzy realignment, and re-anchoring. */
export { MIN_FUZZY_LENGTH, MIN_SIMILARITY, realignAnchor } from './realign.ts';
export { reanchor, resolveAnchorOnServer } from './reanchor.ts';
export { refreshAnchors, trackAnchors } from './trackAnchors.ts';
