/**
 * What the text would read like if chosen pending amendments were adopted (TRACE7–TRACE9). They are applied to a
 * copy of the live document with the plan and the edit adoption itself uses (changePlan, applyAmendment): sous-
 * amendements first (each gives its parent its wording), then in number order, so the result is what adopting them
 * one after the other would give. An amendment whose target overlaps that of one applied before it (an AMEND6
 * collision, judged on the live text) is not applied, and neither is one whose target an earlier change removed.
 * Nothing is stored, recorded or broadcast: the copy is dropped once read.
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { WhatIfArticle, WhatIfBody, WhatIfConflict, WhatIfResult } from '../../../shared/api/lineage.ts';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { amendments } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { diffTexts } from '../history/index.ts';
import { type AmendmentRow, authorsOf } from './amendmentQueries.ts';
import { type AdoptedAmendment, adoptionOf, applyAmendment, DELETED_ARTICLE_STATUS, TargetGoneError } from './applyAmendment.ts';
import { collisionFinder } from './collisions.ts';

/** An article of a document, read without assuming more of its shape than the text needs. */
interface ArticleState {
  articleId: string;
  number: string;
  status: unknown;
  text: string;
}

function readArticles(doc: Y.Doc): ArticleState[] {
  return articlesOf(doc)
    .toArray()
    .map((map) => {
      const text = map.get('text');
      return { articleId: String(map.get('id')), number: String(map.get('number')), status: map.get('status'), text: text instanceof Y.Text ? text.toJSON() : '' };
    });
}

const problemList = (ids: readonly string[], chosen: readonly string[], message: (id: string) => string) =>
  ids.map((id) => ({ path: `amendmentIds.${chosen.indexOf(id)}`, message: message(id) }));

/** The chosen amendments, each checked: visible to the actor, of this bill, deposited, proposed here, not hidden. */
async function chosenAmendments(db: Database, billId: string, actor: Actor, ids: readonly string[]): Promise<AmendmentRow[]> {
  const rows = await db.select().from(amendments).where(and(eq(amendments.billId, billId), inArray(amendments.id, [...ids])));
  const drafts = rows.filter((row) => row.status === 'draft');
  const authors = await authorsOf(db, drafts.map((row) => row.id));
  // A draft exists only for those named on it (AMEND3): for anyone else it is as unknown as a wrong id.
  const visible = rows.filter((row) => row.status !== 'draft' || (authors.get(row.id) ?? []).some((author) => author.user.id === actor?.id));
  const unknown = ids.filter((id) => !visible.some((row) => row.id === id));
  if (unknown.length > 0) {
    throw new DomainError(ErrorCode.amendmentNotFound, `No amendment ${unknown.join(', ')} in this bill`, {
      errors: problemList(unknown, ids, () => 'no such amendment in this bill'),
    });
  }
  const closed = visible.filter((row) => row.status !== 'deposited' || row.kind === null || row.hiddenAt !== null);
  if (closed.length > 0) {
    const why = (row: AmendmentRow) => (row.kind === null ? 'imported' : row.hiddenAt !== null ? 'hidden by a moderator' : row.status);
    throw new DomainError(ErrorCode.amendmentNotPending, 'A what-if applies only deposited amendments awaiting a decision.', {
      errors: closed.map((row) => ({ path: `amendmentIds.${ids.indexOf(row.id)}`, message: `${row.number ? `n° ${row.number}` : row.id} is ${why(row)}` })),
    });
  }
  return visible.sort((a, b) => (a.numberSeq ?? 0) - (b.numberSeq ?? 0) || a.id.localeCompare(b.id));
}

const ref = (row: AmendmentRow) => ({ id: row.id, number: row.number });
const label = (row: AmendmentRow) => (row.number ? `n° ${row.number}` : row.id);
const wholeArticle = (row: AmendmentRow) => row.kind === 'rewrite_article' || row.kind === 'delete_article';

/** The article an amendment's change is in: the one it targets or adds; none for a sous-amendement. */
function changedArticleOf(row: AmendmentRow, newArticle: AdoptedAmendment['newArticle']): string | null {
  if (row.kind === 'sub_amendment') return null;
  return newArticle?.id ?? (wholeArticle(row) ? row.articleId : ((row.anchor as { articleId?: string } | null)?.articleId ?? row.articleId));
}

function conflict(row: AmendmentRow, reason: WhatIfConflict['reason'], detail: string, other: AmendmentRow | null = null): WhatIfConflict {
  return { ...ref(row), kind: row.kind ?? '', reason, collidesWith: other && ref(other), detail };
}

function collisionDetail(row: AmendmentRow, applied: AmendmentRow): string {
  if (wholeArticle(applied)) return `${label(applied)}, applied before it, changes its whole article.`;
  if (wholeArticle(row)) return `It changes the whole article, which ${label(applied)}, applied before it, changes.`;
  return `Its target overlaps that of ${label(applied)}, applied before it.`;
}

/** The live text of the bill (or of `articleIds`) with the chosen deposited amendments applied; changes nothing. */
export async function whatIf(deps: DeliberationDeps, actor: Actor, billId: string, body: WhatIfBody): Promise<WhatIfResult> {
  await assertBillExists(deps.db, billId);
  const rows = await chosenAmendments(deps.db, billId, actor, body.amendmentIds);
  // A copy of the live document: its items keep their ids, so the amendments' anchors resolve in it.
  const doc = await deps.texts.read(billId, (live) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    return copy;
  });
  try {
    const before = new Map(readArticles(doc).map((article) => [article.articleId, article]));
    const subAmendments = rows.filter((row) => row.kind === 'sub_amendment');
    const textAmendments = rows.filter((row) => row.kind !== 'sub_amendment');
    // Collisions are judged on the live text, before any change: every target is resolved now (the finder keeps them).
    const finder = collisionFinder(doc, textAmendments);
    const colliders = new Map(textAmendments.map((row) => [row.id, finder.collisionsOf(row)]));
    const applied: AmendmentRow[] = [];
    const conflicts: WhatIfConflict[] = [];
    const changedBy = new Map<string, string[]>();
    const wording = new Map<string, AmendmentRow>();
    for (const row of subAmendments) {
      const parentId = row.parentId ?? '';
      const earlier = wording.get(parentId);
      if (!textAmendments.some((other) => other.id === parentId)) conflicts.push(conflict(row, 'parent_not_chosen', 'The amendment it rewrites is not in the set.'));
      else if (earlier) conflicts.push(conflict(row, 'collision', `${label(earlier)}, applied before it, already rewrites the same amendment.`, earlier));
      else {
        wording.set(parentId, row);
        applied.push(row);
      }
    }
    for (const row of textAmendments) {
      const collider = colliders.get(row.id)?.find((other) => applied.includes(other));
      if (collider) {
        conflicts.push(conflict(row, 'collision', collisionDetail(row, collider), collider));
        continue;
      }
      const change = adoptionOf(billId, row, wording.get(row.id)?.dispositif ?? row.dispositif);
      if (change.newArticle && readArticles(doc).some((article) => article.articleId === change.newArticle?.id)) {
        const other = applied.find((earlier) => earlier.kind === 'add_article' && earlier.articleNumber === row.articleNumber) ?? null;
        conflicts.push(conflict(row, 'article_number_taken', `The text already has an article ${row.articleNumber ?? ''}.`, other));
        continue;
      }
      const articleId = changedArticleOf(row, change.newArticle);
      try {
        applyAmendment(doc, change);
      } catch (error) {
        if (!(error instanceof TargetGoneError)) throw error;
        conflicts.push(conflict(row, 'target_gone', 'What it targets is no longer in the text once the amendments before it are applied.'));
        continue;
      }
      applied.push(row);
      if (articleId !== null) changedBy.set(articleId, [...(changedBy.get(articleId) ?? []), row.id]);
    }
    const articles = await consolidated(readArticles(doc), before, changedBy, body.articleIds);
    return {
      billId,
      applied: applied.map((row) => ({ ...ref(row), kind: row.kind ?? '', articleId: changedArticleOf(row, adoptionOf(billId, row).newArticle) })),
      conflicts,
      articles,
    };
  } finally {
    doc.destroy();
  }
}

/** The articles asked for (all by default), each with its status and word diff against the live text. */
async function consolidated(after: ArticleState[], before: Map<string, ArticleState>, changedBy: Map<string, string[]>, articleIds: readonly string[] | undefined): Promise<WhatIfArticle[]> {
  if (articleIds) {
    const unknown = articleIds.filter((id) => !after.some((article) => article.articleId === id));
    if (unknown.length > 0) {
      throw new DomainError(ErrorCode.articleNotFound, `No article ${unknown.join(', ')} in this text`, {
        errors: unknown.map((id) => ({ path: `articleIds.${articleIds.indexOf(id)}`, message: 'no such article in the text' })),
      });
    }
  }
  const shown = articleIds ? after.filter((article) => articleIds.includes(article.articleId)) : after;
  const statusOf = (article: ArticleState): WhatIfArticle['status'] => {
    const previous = before.get(article.articleId);
    if (previous === undefined) return 'new';
    if (article.status === DELETED_ARTICLE_STATUS && previous.status !== DELETED_ARTICLE_STATUS) return 'deleted';
    return article.text === previous.text ? 'unchanged' : 'modified';
  };
  const changed = shown.filter((article) => statusOf(article) !== 'unchanged');
  const diffs = changed.length === 0 ? [] : await diffTexts(changed.map((article) => [before.get(article.articleId)?.text ?? '', article.text] as const));
  return shown.map((article) => {
    const at = changed.indexOf(article);
    return {
      articleId: article.articleId,
      number: article.number,
      status: statusOf(article),
      alineas: article.text === '' ? [] : article.text.split('\n'),
      changedBy: changedBy.get(article.articleId) ?? [],
      diff: at < 0 ? null : (diffs[at]?.parts ?? null),
    };
  });
}
