/**
 * What a comment or an amendment is about while it is being written: a selection, kept as an anchor into the
 * live document so it follows concurrent edits, or words typed by hand (the keyboard way), found in the article.
 */
import type * as Y from 'yjs';
import { type Anchor, AnchorError, createAnchor, findArticleText, resolveAnchor } from '../../../shared/anchors/index.ts';
import type { ArticleId } from '../../../shared/ids.ts';
import { locatePassage } from './passage.ts';
import type { TextSelection } from './selection.ts';

/** The target of the composer. */
export interface ComposerTarget {
  articleId: string;
  articleNumber: string;
  /** From a selection; null when the passage is typed in the form. */
  anchor: Anchor | null;
}

/** Where the target lies in the current text, or why it cannot be found. */
export type TargetRange = { index: number; length: number; text: string; articleText: string } | { problem: 'empty' | 'not_found' | 'ambiguous' | 'gone' };

/** A target from the reader's selection. */
export function targetFromSelection(doc: Y.Doc, selection: TextSelection, articleNumber: string): ComposerTarget | null {
  try {
    return { articleId: selection.articleId, articleNumber, anchor: createAnchor(doc, selection.articleId as ArticleId, selection.index, selection.length) };
  } catch (error) {
    if (error instanceof AnchorError) return null;
    throw error;
  }
}

/** The target's range now (`passage` is the typed passage when there is no anchor). */
export function currentRange(doc: Y.Doc, target: ComposerTarget, passage: string): TargetRange {
  const articleText = findArticleText(doc, target.articleId)?.toJSON();
  if (articleText === undefined) return { problem: 'gone' };
  if (target.anchor) {
    const resolved = resolveAnchor(doc, target.anchor);
    if (resolved.status === 'orphan') return { problem: 'gone' };
    return { index: resolved.index, length: resolved.length, text: resolved.text, articleText };
  }
  const match = locatePassage(articleText, passage);
  if ('problem' in match) return match;
  return { ...match, text: passage, articleText };
}
