/**
 * What an amendment does to the live text, computed against the document as it is now: the article text before
 * and after. The same plan gives the diff readers see and the edit adoption makes, so the text changes exactly as
 * the diff said (AMEND5); the browser plans a draft being co-written with it too, so its preview is the server's.
 */
import type * as Y from 'yjs';
import { type Anchor, findArticleText, type ResolvedAnchor } from '../anchors/index.ts';

/** How a side finds an anchor's words in the live text (the server also realigns drifted anchors). */
export type ResolveAnchor = (doc: Y.Doc, anchor: Anchor) => ResolvedAnchor;

/** The stored fields a plan needs. */
export interface PlannedAmendment {
  kind: string;
  articleId: string | null;
  anchor: Anchor | null;
  text: string | null;
}

/** An article's text before and after the change; `range` is the resolved anchor for range kinds. */
export interface ChangePlan {
  articleId: string | null;
  before: string;
  after: string;
  range: ResolvedAnchor | null;
}

/**
 * The plan, or null when what the amendment targets is gone (its words deleted, its article removed). A
 * sous-amendement has no plan of its own: it changes its parent's dispositif, not the text.
 */
export function planChange(doc: Y.Doc, amendment: PlannedAmendment, resolve: ResolveAnchor): ChangePlan | null {
  switch (amendment.kind) {
    case 'replace':
    case 'insert':
    case 'delete': {
      const anchor = amendment.anchor as Anchor;
      const range = resolve(doc, anchor);
      if (range.status === 'orphan') return null;
      const before = findArticleText(doc, anchor.articleId)?.toJSON() ?? '';
      const inserted = amendment.kind === 'delete' ? '' : (amendment.text ?? '');
      const after = before.slice(0, range.index) + inserted + before.slice(range.index + range.length);
      return { articleId: anchor.articleId, before, after, range };
    }
    case 'rewrite_article':
    case 'delete_article': {
      const text = findArticleText(doc, amendment.articleId ?? '');
      if (text === null) return null;
      return { articleId: amendment.articleId, before: text.toJSON(), after: amendment.kind === 'delete_article' ? '' : (amendment.text ?? ''), range: null };
    }
    case 'add_article':
      return { articleId: null, before: '', after: amendment.text ?? '', range: null };
    default:
      throw new Error(`planChange: no plan for ${amendment.kind}`);
  }
}
