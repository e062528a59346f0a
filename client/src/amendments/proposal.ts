/**
 * What an inline amendment would make of the article, computed in the browser against the live text exactly as the
 * server plans it (server/modules/amendments/changePlan.ts), so the preview is the diff the server will show.
 */
import type * as Y from 'yjs';
import { resolveAnchor } from '../../../shared/anchors/index.ts';
import type { Amendment } from '../../../shared/api/amendments.ts';
import { type DiffPart, wordDiff } from '../../../shared/text/wordDiff.ts';

/** The inline kinds a reader proposes from a selection. */
export type InlineKind = 'replace' | 'delete' | 'insert';

/** The article text after the change; an insertion goes right after the targeted words. */
export function proposedText(before: string, index: number, length: number, kind: InlineKind, text: string): string {
  if (kind === 'insert') return before.slice(0, index + length) + text + before.slice(index + length);
  return before.slice(0, index) + (kind === 'delete' ? '' : text) + before.slice(index + length);
}

/** The word diff of the proposal. */
export function proposalDiff(before: string, index: number, length: number, kind: InlineKind, text: string): DiffPart[] {
  return wordDiff(before, proposedText(before, index, length, kind, text));
}

const OPEN = new Set(['draft', 'deposited']);
const WHOLE_ARTICLE = new Set(['rewrite_article', 'delete_article']);

/**
 * Open amendments whose target overlaps [index, index + length) of the article, resolved in the live document: a
 * hint while typing. The server's own list (AMEND6) comes back with the draft.
 */
export function likelyCollisions(doc: Y.Doc, amendments: readonly Amendment[], articleId: string, index: number, length: number): Amendment[] {
  const end = index + length;
  return amendments.filter((amendment) => {
    if (!OPEN.has(amendment.status) || amendment.target.articleId !== articleId) return false;
    if (WHOLE_ARTICLE.has(amendment.kind)) return true;
    const anchor = amendment.target.anchor;
    if (!anchor) return false;
    const range = resolveAnchor(doc, anchor);
    if (range.status === 'orphan') return false;
    const otherEnd = range.index + range.length;
    return range.length === 0 || length === 0 ? range.index >= index && range.index <= end && otherEnd >= index : range.index < end && index < otherEnd;
  });
}
