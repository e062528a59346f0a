/**
 * Drafting: anyone signed in proposes a change to the live text; the draft stays private to its authors until
 * deposited. Its target is checked against the text as it is now and stored normalised (anchors from shared/anchors).
 */
import { and, eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { type Anchor, type AnchorInput, checkAnchorInput, findArticleText } from '../../../shared/anchors/index.ts';
import type { CreateAmendmentBody, Origin } from '../../../shared/api/amendments.ts';
import { Role } from '../../../shared/api/users.ts';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor, User } from '../../common/actor.ts';
import { DomainError, forbidden, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { findAmendment, isAuthor } from './amendmentQueries.ts';

/** Where an amendment comes from, by its author's account (and the group a parliamentarian files for). */
function originOf(user: User, groupCode: string | undefined): Origin {
  if (groupCode !== undefined && user.role !== Role.parliamentarian) throw forbidden('Only a parliamentarian files for a political group.');
  if (user.role === Role.parliamentarian) return groupCode ? 'group' : 'parliamentarian';
  if (user.role === Role.government) return 'government';
  if (user.role === Role.organisation) return 'organisation';
  return 'citizen';
}

/** The target fields of a new amendment, checked against the current document. */
interface Target {
  articleId: string | null;
  afterArticleId: string | null;
  anchor: Anchor | null;
  articleNumber: string | null;
}

function numberOf(doc: Y.Doc, articleId: string): string | null {
  const map = articlesOf(doc)
    .toArray()
    .find((article) => article.get('id') === articleId);
  return (map?.get('number') as string | undefined) ?? null;
}

function anchoredTarget(doc: Y.Doc, kind: string, input: AnchorInput): Target {
  const outcome = checkAnchorInput(doc, input);
  if ('problem' in outcome) throw new DomainError(ErrorCode.anchorInvalid, `The anchor does not fit the current text: ${outcome.problem}.`, { problem: outcome.problem });
  const { anchor } = outcome;
  const point = anchor.quote.exact === '';
  if (kind === 'insert' && !point) throw new DomainError(ErrorCode.anchorInvalid, 'An insertion targets a point: an empty range.', { problem: 'not_a_point' });
  if (kind !== 'insert' && point) throw new DomainError(ErrorCode.anchorInvalid, `A ${kind} targets a range of words, not a point.`, { problem: 'empty_range' });
  return { articleId: anchor.articleId, afterArticleId: null, anchor, articleNumber: numberOf(doc, anchor.articleId) };
}

function targetOf(doc: Y.Doc, body: CreateAmendmentBody): Target {
  const missing = (articleId: string) => notFound(ErrorCode.articleNotFound, `No article ${articleId} in the current text`);
  switch (body.kind) {
    case 'replace':
    case 'insert':
    case 'delete':
      return anchoredTarget(doc, body.kind, body.anchor);
    case 'rewrite_article':
    case 'delete_article':
      if (findArticleText(doc, body.articleId) === null) throw missing(body.articleId);
      return { articleId: body.articleId, afterArticleId: null, anchor: null, articleNumber: numberOf(doc, body.articleId) };
    case 'add_article': {
      if (body.afterArticleId !== null && findArticleText(doc, body.afterArticleId) === null) throw missing(body.afterArticleId);
      const taken = articlesOf(doc)
        .toArray()
        .some((article) => article.get('number') === body.number);
      if (taken) throw new DomainError(ErrorCode.validationFailed, `An article numbered ${body.number} already exists.`);
      return { articleId: null, afterArticleId: body.afterArticleId, anchor: null, articleNumber: body.number };
    }
    case 'sub_amendment':
      return { articleId: null, afterArticleId: null, anchor: null, articleNumber: null };
  }
}

/** Creates a draft; resolves with its id. */
export async function draftAmendment(deps: DeliberationDeps, actor: Actor, billId: string, body: CreateAmendmentBody): Promise<string> {
  const user = requireUser(actor);
  await assertBillExists(deps.db, billId);
  const origin = originOf(user, body.groupCode);
  const target = await deps.texts.read(billId, (doc) => targetOf(doc, body));
  if (body.kind === 'sub_amendment') {
    const { row: parent } = await findAmendment(deps.db, billId, body.parentId, actor);
    if (parent.status !== 'deposited' || parent.kind === 'sub_amendment' || parent.kind === null) {
      throw new DomainError(ErrorCode.invalidTransition, 'A sous-amendement amends a deposited amendment (not a sous-amendement).');
    }
  }
  const id = newId();
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await tx.insert(amendments).values({
      id,
      billId,
      origin,
      status: 'draft',
      authorName: user.displayName,
      groupCode: body.groupCode ?? null,
      authorId: user.id,
      kind: body.kind,
      articleId: target.articleId,
      afterArticleId: target.afterArticleId,
      articleNumber: target.articleNumber,
      anchor: target.anchor,
      anchorStatus: target.anchor ? 'ok' : null,
      dispositif: 'text' in body ? body.text : null,
      expose: body.expose,
      parentId: body.kind === 'sub_amendment' ? body.parentId : null,
      updatedAt: new Date(),
    });
    await tx.insert(amendmentAuthors).values({ amendmentId: id, userId: user.id, status: 'author' });
    // Drafts are private: the public ledger only says one was started.
    await record('amendment.drafted', user.id, { amendmentId: id, kind: body.kind });
  });
  return id;
}

/** Authors edit a draft's dispositif and exposé. */
export async function updateDraft(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string, body: { text?: string | undefined; expose?: string | undefined }): Promise<void> {
  const user = requireUser(actor);
  const check = async (db: Database) => {
    const { row, authors } = await findAmendment(db, billId, amendmentId, actor);
    if (!isAuthor(authors, user.id)) throw forbidden('Only its authors edit an amendment.');
    if (row.status !== 'draft') throw new DomainError(ErrorCode.invalidTransition, 'Only a draft can be edited.');
    const noText = row.kind === 'delete' || row.kind === 'delete_article';
    if (body.text !== undefined && (noText || body.text.trim() === '')) {
      throw new DomainError(ErrorCode.validationFailed, noText ? `A ${row.kind} amendment has no text.` : 'The proposed text cannot be empty.');
    }
  };
  await check(deps.db);
  // The draft's live document is the wording its co-authors see: the edit goes there first (outside the
  // transaction: loading the document queries the store), then into the row.
  await deps.drafts.write(amendmentId, body);
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await check(tx);
    await tx
      .update(amendments)
      .set({ ...(body.text !== undefined ? { dispositif: body.text } : {}), ...(body.expose !== undefined ? { expose: body.expose } : {}), updatedAt: new Date() })
      .where(and(eq(amendments.id, amendmentId), eq(amendments.billId, billId)));
    await record('amendment.edited', user.id, { amendmentId });
  });
}
