/**
 * What a draft being co-written would make of the text, computed in the browser at every keystroke (its own or a
 * co-author's) exactly as the server plans it (server/modules/amendments/changePlan.ts and formalView.ts): the two
 * sides of its change against the live text, their word diff and the official wording (AMEND7) made from them.
 */
import type * as Y from 'yjs';
import { type FormalPlacement, formalWording } from '../../../shared/amendments/formalWording.ts';
import { findArticleText, resolveAnchor } from '../../../shared/anchors/index.ts';
import type { Amendment, FormalWording } from '../../../shared/api/amendments.ts';
import { type DiffPart, wordDiff } from '../../../shared/text/wordDiff.ts';

/** A change's two sides: the article (a sous-amendement: its parent's dispositif) before and after. */
export interface DraftChange {
  before: string;
  after: string;
}

/** The change the draft makes with `text` as its dispositif, or null when its target is gone from the live text. */
export function draftChange(amendment: Amendment, doc: Y.Doc, parent: Amendment | undefined, text: string): DraftChange | null {
  switch (amendment.kind) {
    case 'replace':
    case 'insert':
    case 'delete': {
      const anchor = amendment.target.anchor;
      if (anchor === null) return null;
      const range = resolveAnchor(doc, anchor);
      if (range.status === 'orphan') return null;
      const before = findArticleText(doc, anchor.articleId)?.toJSON() ?? '';
      const inserted = amendment.kind === 'delete' ? '' : text;
      return { before, after: before.slice(0, range.index) + inserted + before.slice(range.index + range.length) };
    }
    case 'rewrite_article':
    case 'delete_article': {
      const article = findArticleText(doc, amendment.target.articleId ?? '');
      if (article === null) return null;
      return { before: article.toJSON(), after: amendment.kind === 'delete_article' ? '' : text };
    }
    case 'add_article':
      return { before: '', after: text };
    case 'sub_amendment':
      return parent?.text == null ? null : { before: parent.text, after: text };
    default:
      return null;
  }
}

/** Where the amendment sits in the text, as the formal wording names it. */
function placementOf(amendment: Amendment, numbers: ReadonlyMap<string, string>): FormalPlacement {
  const { kind } = amendment;
  if (kind === 'add_article') {
    const after = amendment.target.afterArticleId;
    if (after !== null) return { kind, articleNumber: null, afterArticleNumber: numbers.get(after) ?? null, beforeArticleNumber: null };
    // Placed first: before the text's first article.
    const first = [...numbers.values()].find((number) => number !== amendment.newArticleNumber) ?? null;
    return { kind, articleNumber: null, afterArticleNumber: null, beforeArticleNumber: first };
  }
  return { kind, articleNumber: amendment.target.articleNumber, afterArticleNumber: null, beforeArticleNumber: null };
}

/** The draft's live diff and official wording. */
export interface DraftPreview {
  parts: DiffPart[];
  wording: FormalWording;
}

/** The preview of the draft with `text` as its dispositif; `numbers` maps the live text's article ids to numbers. */
export function draftPreview(
  amendment: Amendment,
  doc: Y.Doc,
  parent: Amendment | undefined,
  text: string,
  numbers: ReadonlyMap<string, string>,
): DraftPreview | null {
  const change = draftChange(amendment, doc, parent, text);
  if (change === null) return null;
  const wording = formalWording({
    ...placementOf(amendment, numbers),
    newArticleNumber: amendment.newArticleNumber,
    before: change.before,
    after: change.after,
    parent: parent ? { number: parent.number, placement: placementOf(parent, numbers) } : null,
  });
  return { parts: wordDiff(change.before, change.after), wording };
}
