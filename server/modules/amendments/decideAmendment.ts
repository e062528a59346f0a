/**
 * A rapporteur's decision on a deposited amendment (AMEND3), and adoption (AMEND5, AMEND6): the decision is
 * recorded first; then the change is applied to the live text through the collaborative commit path (the document
 * itself records the adoption, so a retry never applies it twice); then the application is recorded and the
 * amendments it collided with fall or are flagged for rebase.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Anchor } from '../../../shared/anchors/index.ts';
import type { Decision } from '../../../shared/api/amendments.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { amendments, articles } from '../../storage/schema.ts';
import { articleIdOf } from '../bills/index.ts';
import { type DeliberationDeps, requireRapporteur } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { type AmendmentRow, depositedOnArticles, findAmendment } from './amendmentQueries.ts';
import { liveDiff } from './amendmentView.ts';
import { applyAmendment, TargetGoneError } from './applyAmendment.ts';
import { collisionArticleOf, collisionFinder, targetSpan } from './collisions.ts';

const targetOf = (row: AmendmentRow) => ({ kind: row.kind ?? '', articleId: row.articleId, anchor: row.anchor as Anchor | null });

/** Records the decision; adoption then applies the change to the live text. */
export async function decideAmendment(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string, outcome: Decision): Promise<void> {
  const user = await requireRapporteur(deps.db, actor, billId);
  // Diff and collisions are read outside the transaction (loading the document queries the store, which must not
  // wait on the transaction's connection); the transaction then checks the amendment is still deposited.
  const { row: candidate } = await findAmendment(deps.db, billId, amendmentId, actor);
  const articleId = collisionArticleOf(candidate);
  const open = articleId === null ? [] : await depositedOnArticles(deps.db, billId, [articleId]);
  const parent = candidate.parentId ? (await deps.db.select().from(amendments).where(eq(amendments.id, candidate.parentId)))[0] : undefined;
  const { diff, collisions } = await deps.texts.read(billId, (doc) => ({
    diff: liveDiff(doc, candidate, parent),
    collisions: collisionFinder(doc, open).collisionsOf(candidate),
  }));
  const colliding = await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const { row } = await findAmendment(tx, billId, amendmentId, actor);
    if (row.status !== 'deposited') throw new DomainError(ErrorCode.invalidTransition, `Only a deposited amendment can be decided (this one is ${row.status}).`);
    if (row.kind === null) throw new DomainError(ErrorCode.invalidTransition, 'Imported amendments keep the outcome their assembly gave them.');
    if (outcome === 'adopted' && diff === null) throw new DomainError(ErrorCode.invalidTransition, 'The text this amendment targets is gone; it cannot be adopted.');
    await tx.update(amendments).set({ status: outcome, decidedAt: new Date(), finalDiff: diff, updatedAt: new Date() }).where(eq(amendments.id, amendmentId));
    if (outcome === 'adopted' && row.kind === 'sub_amendment' && parent) {
      // A sous-amendement rewrites its parent's dispositif, not the bill.
      await tx.update(amendments).set({ dispositif: row.dispositif, updatedAt: new Date() }).where(eq(amendments.id, parent.id));
      await record('amendment.edited', user.id, { amendmentId: parent.id, bySubAmendment: row.id, text: row.dispositif });
    }
    if (outcome === 'adopted' && row.kind === 'add_article' && row.articleNumber) {
      await tx.insert(articles).values({ id: articleIdOf(billId, row.articleNumber), billId, number: row.articleNumber }).onConflictDoNothing();
    }
    await record('amendment.outcome', user.id, { amendmentId, number: row.number, outcome, collisions: collisions.map((other) => other.id) });
    return collisions.map((other) => other.id);
  });
  if (outcome === 'adopted') await applyAdopted(deps, billId, amendmentId, colliding, user.id);
}

/**
 * Applies an adopted amendment to the live text and records it; the amendments it collided with then fall (their
 * words are gone) or are flagged for rebase (their words changed). Safe to run again for the same amendment.
 */
export async function applyAdopted(deps: DeliberationDeps, billId: string, amendmentId: string, colliding: string[], actorId: string | null): Promise<void> {
  const [row] = await deps.db.select().from(amendments).where(eq(amendments.id, amendmentId));
  if (!row || row.status !== 'adopted' || row.kind === 'sub_amendment' || row.kind === null || row.appliedCommitId !== null) return;
  let commitId: number;
  try {
    ({ commitId } = await deps.texts.edit(billId, (doc) =>
      applyAmendment(doc, {
        id: row.id,
        kind: row.kind ?? '',
        articleId: row.articleId,
        anchor: row.anchor as Anchor | null,
        text: row.dispositif,
        afterArticleId: row.afterArticleId,
        newArticle: row.kind === 'add_article' && row.articleNumber ? { id: articleIdOf(billId, row.articleNumber), number: row.articleNumber } : null,
      }),
      // The words it writes are the amendment's (blame), put there by the rapporteur who adopted it.
      { kind: 'amendment', id: row.id, actorId },
    ));
  } catch (error) {
    if (!(error instanceof TargetGoneError)) throw error;
    // The text changed between the decision and its application: the decision cannot stand.
    await recordChange(deps.db, deps.published, billId, async (tx, record) => {
      await tx.update(amendments).set({ status: 'deposited', decidedAt: null, finalDiff: null, updatedAt: new Date() }).where(eq(amendments.id, amendmentId));
      await record('amendment.outcome_reverted', actorId, { amendmentId, reason: 'target_gone' });
    });
    throw new DomainError(ErrorCode.invalidTransition, 'The text this amendment targets changed before it could be applied; it stays deposited.');
  }
  // What became of the colliding amendments, judged on the text as it is after the change (read before the transaction).
  const collided = colliding.length === 0 ? [] : await deps.db.select().from(amendments).where(inArray(amendments.id, colliding));
  const fates = await deps.texts.read(billId, (doc) =>
    collided.map((other) => ({ other, gone: targetSpan(doc, targetOf(other)) === null || other.kind === 'delete_article' || row.kind === 'delete_article' })),
  );
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const updated = await tx
      .update(amendments)
      .set({ appliedCommitId: commitId, updatedAt: new Date() })
      .where(and(eq(amendments.id, amendmentId), isNull(amendments.appliedCommitId)))
      .returning({ id: amendments.id });
    if (updated.length === 0) return;
    await record('amendment.applied', actorId, { amendmentId, commitId });
    const others = fates.filter(({ other }) => colliding.includes(other.id));
    const stillOpen = new Set(
      (await tx.select({ id: amendments.id }).from(amendments).where(and(inArray(amendments.id, colliding), eq(amendments.status, 'deposited')))).map((r) => r.id),
    );
    for (const { other, gone } of others.filter(({ other }) => stillOpen.has(other.id))) {
      if (gone) {
        await tx.update(amendments).set({ status: 'fallen', decidedAt: new Date(), updatedAt: new Date() }).where(eq(amendments.id, other.id));
        await record('amendment.outcome', actorId, { amendmentId: other.id, number: other.number, outcome: 'fallen', reason: 'collision', adopted: amendmentId });
      } else {
        await tx.update(amendments).set({ needsRebase: true, updatedAt: new Date() }).where(eq(amendments.id, other.id));
        await record('amendment.rebase_needed', actorId, { amendmentId: other.id, adopted: amendmentId });
      }
    }
  });
}

/** Applies adopted amendments whose application never got recorded (the node stopped in between). */
export async function resumeAdoptions(deps: DeliberationDeps): Promise<number> {
  const pending = await deps.db
    .select({ id: amendments.id, billId: amendments.billId })
    .from(amendments)
    .where(and(eq(amendments.status, 'adopted'), isNull(amendments.appliedCommitId), inArray(amendments.kind, ['replace', 'insert', 'delete', 'rewrite_article', 'delete_article', 'add_article'])));
  for (const { id, billId } of pending) await applyAdopted(deps, billId, id, [], null);
  return pending.length;
}
