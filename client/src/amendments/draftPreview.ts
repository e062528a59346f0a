/**
 * What a draft being co-written would make of the text, computed in the browser at every keystroke (its own or a
 * co-author's) with the server's own code (shared/amendments: the change plan and the official wording): the two
 * sides of its change against the live text, their word diff and the official wording (AMEND7) made from them.
 */
import type * as Y from 'yjs';
import { planChange } from '../../../shared/amendments/changePlan.ts';
import { type ArticleNumbers, formalWordingOfChange, type PlacedAmendment } from '../../../shared/amendments/placement.ts';
import { resolveAnchor } from '../../../shared/anchors/index.ts';
import type { Amendment, FormalWording } from '../../../shared/api/amendments.ts';
import { type DiffPart, wordDiff } from '../../../shared/text/wordDiff.ts';

/** A change's two sides: the article (a sous-amendement: its parent's dispositif) before and after. */
interface DraftChange {
  before: string;
  after: string;
}

/** The change the draft makes with `text` as its dispositif, or null when its target is gone from the live text. */
function draftChange(amendment: Amendment, doc: Y.Doc, parent: Amendment | undefined, text: string): DraftChange | null {
  if (amendment.kind === 'sub_amendment') return parent?.text == null ? null : { before: parent.text, after: text };
  const { articleId, anchor } = amendment.target;
  return planChange(doc, { kind: amendment.kind, articleId, anchor, text }, resolveAnchor);
}

/** An amendment as its placement in the text reads it. */
const placed = ({ kind, target, newArticleNumber, number }: Amendment): PlacedAmendment => ({
  kind,
  articleId: target.articleId ?? target.anchor?.articleId ?? null,
  articleNumber: target.articleNumber,
  afterArticleId: target.afterArticleId,
  newArticleNumber,
  number,
});

/** The draft's live diff and official wording. */
export interface DraftPreview {
  parts: DiffPart[];
  wording: FormalWording;
}

/** The preview of the draft with `text` as its dispositif; `numbers` maps the live text's article ids to numbers. */
export function draftPreview(amendment: Amendment, doc: Y.Doc, parent: Amendment | undefined, text: string, numbers: ArticleNumbers): DraftPreview | null {
  const change = draftChange(amendment, doc, parent, text);
  if (change === null) return null;
  const wording = formalWordingOfChange(placed(amendment), change, parent && placed(parent), numbers);
  return { parts: wordDiff(change.before, change.after), wording };
}
