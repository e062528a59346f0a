/**
 * How an amendment reads: its target, its proposed text, the word diff against the text as it is now (or, once
 * decided, as it was when decided), the amendments it collides with, its authors.
 */
import type * as Y from 'yjs';
import type { Anchor } from '../../../shared/anchors/index.ts';
import type { Amendment, AmendmentStatus, Origin } from '../../../shared/api/amendments.ts';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { wordDiff } from '../../../shared/text/wordDiff.ts';
import { resolveAnchorOnServer } from '../anchors/index.ts';
import { tombstoneOf, visibleText } from '../contributions/index.ts';
import type { AmendmentAuthor, AmendmentRow } from './amendmentQueries.ts';
import { planChange } from '../../../shared/amendments/changePlan.ts';
import { collisionArticleOf, collisionFinder } from './collisions.ts';
import { formalWordingOf } from './formalView.ts';

type Diff = NonNullable<Amendment['diff']>;

/** What presenting a set of amendments of one bill needs besides the rows. */
export interface ViewContext {
  doc: Y.Doc;
  authors: Map<string, AmendmentAuthor[]>;
  /** The deposited amendments on the articles the open rows target (see {@link collisionArticles}). */
  candidates: AmendmentRow[];
  /** The parents of the sous-amendements shown. */
  parents: AmendmentRow[];
}

/** Statuses whose diff is computed live; afterwards it is the one recorded when the amendment left them. */
const LIVE_STATUSES = new Set(['draft', 'deposited']);

/** The live plan of a change as a diff, or null when the target is gone. */
export function liveDiff(doc: Y.Doc, row: AmendmentRow, parent?: AmendmentRow): Diff | null {
  if (row.kind === 'sub_amendment') {
    const before = parent?.dispositif ?? '';
    const after = row.dispositif ?? '';
    return { before, after, parts: wordDiff(before, after) };
  }
  const plan = planChange(doc, { kind: row.kind ?? '', articleId: row.articleId, anchor: row.anchor as Anchor | null, text: row.dispositif }, resolveAnchorOnServer);
  return plan ? { before: plan.before, after: plan.after, parts: wordDiff(plan.before, plan.after) } : null;
}

/** Where an open amendment's anchor stands in the text now; a decided one keeps the status it had then. */
function anchorStatusOf(doc: Y.Doc, row: AmendmentRow): Amendment['target']['anchorStatus'] {
  const stored = (row.anchorStatus as Amendment['target']['anchorStatus']) ?? null;
  if (row.anchor === null || !LIVE_STATUSES.has(row.status)) return stored;
  return resolveAnchorOnServer(doc, row.anchor as Anchor).status;
}

/** The articles whose deposited amendments the rows may collide with: those an open row targets. */
export function collisionArticles(rows: AmendmentRow[]): string[] {
  const articles = rows.flatMap((row) => {
    const articleId = LIVE_STATUSES.has(row.status) ? collisionArticleOf(row) : null;
    return articleId === null ? [] : [articleId];
  });
  return [...new Set(articles)];
}

/** Presents the rows (all of one bill) against the current document. */
export function presentAmendments(rows: AmendmentRow[], context: ViewContext): Amendment[] {
  const byId = new Map([...context.parents, ...rows].map((row) => [row.id, row]));
  const finder = collisionFinder(context.doc, context.candidates);
  const numbers = new Map(articlesOf(context.doc).toArray().map((map) => [map.get('id') as string, map.get('number') as string]));
  return rows.map((row) => {
    const hidden = row.hiddenAt !== null;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    const collisions = LIVE_STATUSES.has(row.status)
      ? finder.collisionsOf(row).map((other) => ({ id: other.id, number: other.number, status: other.status as AmendmentStatus, kind: other.kind ?? '' }))
      : [];
    const diff = hidden ? null : LIVE_STATUSES.has(row.status) ? liveDiff(context.doc, row, parent) : (row.finalDiff ?? null);
    const parentDiff = !hidden && parent && parent.hiddenAt === null ? liveDiff(context.doc, parent) : null;
    const articleId = row.articleId ?? (row.anchor as Anchor | null)?.articleId ?? null;
    return {
      id: row.id,
      billId: row.billId,
      number: row.number,
      status: row.status as AmendmentStatus,
      kind: row.kind ?? 'imported',
      origin: row.origin as Origin,
      groupCode: row.groupCode,
      authors: context.authors.get(row.id) ?? [],
      target: {
        articleId,
        articleNumber: (articleId && numbers.get(articleId)) ?? row.articleNumber,
        afterArticleId: row.afterArticleId,
        anchor: (row.anchor as Anchor | null) ?? null,
        anchorStatus: anchorStatusOf(context.doc, row),
      },
      parentId: row.parentId,
      newArticleNumber: row.kind === 'add_article' ? row.articleNumber : null,
      text: row.dispositif === null ? null : visibleText(row, row.dispositif),
      expose: row.expose === null ? null : visibleText(row, row.expose),
      diff,
      parentDiff,
      formalWording: formalWordingOf(row, diff, parent, numbers),
      collisions,
      needsRebase: row.needsRebase,
      tombstone: tombstoneOf(row),
      createdAt: row.createdAt.toISOString(),
      depositedAt: row.depositedAt?.toISOString() ?? null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      appliedCommitId: row.appliedCommitId,
    };
  });
}
