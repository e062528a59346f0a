/** Anchors from the client's own copy of the bill document: relative positions plus the quote they cover. */
import type * as Y from 'yjs';
import { type AnchorInput, createAnchor } from '../../../shared/anchors/index.ts';
import type { ArticleId } from '../../../shared/ids.ts';

/** The anchor input for `length` characters at `index` of an article (length 0: an insertion point). */
export function anchorInputAt(doc: Y.Doc, articleId: string, index: number, length: number): AnchorInput {
  const anchor = createAnchor(doc, articleId as ArticleId, index, length);
  return { articleId: anchor.articleId, start: anchor.start, end: anchor.end, quote: anchor.quote };
}
