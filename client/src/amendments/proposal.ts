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

/** Kinds that change a whole article, or add one. */
export type ArticleKind = 'rewrite_article' | 'delete_article' | 'add_article';

/** Every kind the amend form proposes (sous-amendements are proposed from an amendment's page). */
export type FormKind = InlineKind | ArticleKind;

/** Whether the kind targets words of an article (a passage) rather than the article. */
export const isInlineKind = (kind: FormKind): kind is InlineKind => kind === 'replace' || kind === 'delete' || kind === 'insert';

/** Whether the kind carries a proposed text (deletions carry none). */
export const takesText = (kind: FormKind) => kind !== 'delete' && kind !== 'delete_article';

/** The word diff of a whole-article change: the article rewritten, deleted, or a new one (nothing before it). */
export function articleChangeDiff(kind: ArticleKind, articleText: string, text: string): DiffPart[] {
  if (kind === 'add_article') return wordDiff('', text);
  return wordDiff(articleText, kind === 'delete_article' ? '' : text);
}

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

/** Open amendments on the article: every one collides with a change to the whole article (AMEND6). */
export function articleCollisions(amendments: readonly Amendment[], articleId: string): Amendment[] {
  return amendments.filter((amendment) => OPEN.has(amendment.status) && amendment.target.articleId === articleId);
}

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
