/**
 * Writing annotations: annotate a passage of the live text (the anchor is checked against it first and stored
 * normalised), reply in a thread, edit one's own words, react. Each change is one ledger entry in the same
 * transaction, under the bill's ledger lock.
 */
import { and, eq, sql } from 'drizzle-orm';
import { AnchorProblem, AnchorStatus, checkAnchorInput } from '../../../shared/anchors/index.ts';
import type { Annotation, AnnotationThread, CreateAnnotationBody, Reaction, ReactionState } from '../../../shared/api/annotations.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import { annotations, articles, reactions } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { findAnnotation, getAnnotationThread, presentAnnotation, reactionStateOf } from './readAnnotations.ts';

/** What each anchor problem means, for the problem's detail. */
const problemDetail: Record<AnchorProblem, string> = {
  [AnchorProblem.articleNotFound]: 'no article with this id in the live text',
  [AnchorProblem.invalidPosition]: 'the relative positions do not point into this article’s text',
  [AnchorProblem.quoteMismatch]: 'the positions do not cover the quoted text',
  [AnchorProblem.notFound]: 'the quote does not occur in the article',
  [AnchorProblem.ambiguous]: 'the quote occurs several times; add context or an alinéa',
};

/** Annotates a passage of one article of the bill's live text; the thread is returned. */
export async function createAnnotation(deps: DeliberationDeps, actor: Actor, billId: string, input: CreateAnnotationBody): Promise<AnnotationThread> {
  const user = requireUser(actor);
  await assertBillExists(deps.db, billId);
  // Read outside the transaction: loading a document may need the store, and the text is checked as it is now.
  const outcome = await deps.texts.read(billId, (doc) => checkAnchorInput(doc, input.anchor));
  if ('problem' in outcome) throw new DomainError(ErrorCode.anchorInvalid, `${outcome.problem}: ${problemDetail[outcome.problem]}`);
  const { anchor } = outcome;
  const id = await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    // An article added live has no row in `articles` until a version is published; the anchor still names it.
    const [article] = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, anchor.articleId), eq(articles.billId, billId)));
    const [row] = await tx
      .insert(annotations)
      .values({
        id: newId(),
        billId,
        authorId: user.id,
        articleId: article?.id ?? null,
        anchor,
        anchorStatus: AnchorStatus.ok,
        body: input.body,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: annotations.id });
    if (row === undefined) throw new Error('annotation insert returned no row');
    await record('annotation.created', user.id, { annotationId: row.id, articleId: anchor.articleId, anchor, body: input.body });
    return row.id;
  });
  return getAnnotationThread(deps, actor, billId, id);
}

/** Replies in an annotation's thread; a reply to a reply joins the same thread (one level). */
export async function replyToAnnotation(deps: DeliberationDeps, actor: Actor, billId: string, annotationId: string, body: string): Promise<Annotation> {
  const user = requireUser(actor);
  const id = await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const { annotation: parent } = await findAnnotation(tx, billId, annotationId);
    const rootId = parent.parentId ?? parent.id;
    const [row] = await tx
      .insert(annotations)
      .values({ id: newId(), billId, authorId: user.id, parentId: rootId, articleId: parent.articleId, body, createdAt: sql`clock_timestamp()` })
      .returning({ id: annotations.id });
    if (row === undefined) throw new Error('reply insert returned no row');
    await record('annotation.replied', user.id, { annotationId: row.id, parentId: rootId, body });
    return row.id;
  });
  return presentAnnotation(deps, actor, await findAnnotation(deps.db, billId, id));
}

/** Its author changes an annotation's or a reply's text; hidden text cannot be changed. */
export async function editAnnotation(deps: DeliberationDeps, actor: Actor, billId: string, annotationId: string, body: string): Promise<Annotation> {
  const user = requireUser(actor);
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const { annotation } = await findAnnotation(tx, billId, annotationId);
    if (annotation.authorId !== user.id) throw forbidden('Only its author may edit an annotation.');
    // Editing under a tombstone would let a restore show words no moderator read.
    if (annotation.hiddenAt !== null) throw new DomainError(ErrorCode.invalidTransition, 'A hidden annotation cannot be edited');
    await tx.update(annotations).set({ body, editedAt: sql`clock_timestamp()` }).where(eq(annotations.id, annotationId));
    await record('annotation.edited', user.id, { annotationId, body });
  });
  return presentAnnotation(deps, actor, await findAnnotation(deps.db, billId, annotationId));
}

/** Adds the actor's reaction of this kind; adding it again changes nothing (and records nothing). */
export async function addReaction(deps: DeliberationDeps, actor: Actor, billId: string, annotationId: string, reaction: Reaction): Promise<ReactionState> {
  const user = requireUser(actor);
  return recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await findAnnotation(tx, billId, annotationId);
    const added = await tx
      .insert(reactions)
      .values({ annotationId, userId: user.id, reaction })
      .onConflictDoNothing()
      .returning({ reaction: reactions.reaction });
    if (added.length > 0) await record('annotation.reacted', user.id, { annotationId, reaction });
    return reactionStateOf(tx, actor, annotationId);
  });
}

/** Withdraws the actor's reaction of this kind; withdrawing one not given changes nothing. */
export async function removeReaction(deps: DeliberationDeps, actor: Actor, billId: string, annotationId: string, reaction: Reaction): Promise<ReactionState> {
  const user = requireUser(actor);
  return recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await findAnnotation(tx, billId, annotationId);
    const removed = await tx
      .delete(reactions)
      .where(and(eq(reactions.annotationId, annotationId), eq(reactions.userId, user.id), eq(reactions.reaction, reaction)))
      .returning({ reaction: reactions.reaction });
    if (removed.length > 0) await record('annotation.unreacted', user.id, { annotationId, reaction });
    return reactionStateOf(tx, actor, annotationId);
  });
}
