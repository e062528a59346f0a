/**
 * Casting, changing and withdrawing a vote. Each runs in `recordChange`, holding the bill's ledger lock: the
 * previous vote is read, the new one written and the tally moved by the difference, with the ledger entry, in one
 * transaction. The primary key (target, user) is the last word on "one vote per person".
 */
import { and, eq } from 'drizzle-orm';
import { type VoteState, VoteValue } from '../../../shared/api/votes.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import type { Database } from '../../storage/database.ts';
import { votes } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertTarget, type DeliberationDeps, type Target } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { moveTally, tallyOf } from './tallies.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

/** The user's vote on the target, read in the caller's transaction. */
export async function voteOf(tx: Database, target: Target, userId: string): Promise<VoteValue | null> {
  const [row] = await tx
    .select({ value: votes.value })
    .from(votes)
    .where(and(eq(votes.targetType, target.type), eq(votes.targetId, target.id), eq(votes.userId, userId)));
  return (row?.value as VoteValue | undefined) ?? null;
}

/** Votes on a target, or changes one's vote; voting the same value again changes nothing and records nothing. */
export async function castVote({ db, published }: Deps, actor: Actor, billId: string, target: Target, value: VoteValue): Promise<VoteState> {
  const user = requireUser(actor);
  // An argument is endorsed or not: "+1" is its only vote.
  if (target.type === 'argument' && value !== VoteValue.agree) {
    throw new DomainError(ErrorCode.validationFailed, 'value: an argument only takes an "agree" vote', {
      errors: [{ path: 'value', message: 'an argument only takes an "agree" vote' }],
    });
  }
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await assertTarget(tx, billId, target);
    const previous = await voteOf(tx, target, user.id);
    if (previous !== value) {
      const now = new Date();
      await tx
        .insert(votes)
        .values({ billId, targetType: target.type, targetId: target.id, userId: user.id, value, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: [votes.targetType, votes.targetId, votes.userId], set: { value, updatedAt: now } });
      await moveTally(tx, billId, target, previous, value);
      await record('vote.cast', user.id, { target: { type: target.type, id: target.id }, value, previous });
    }
    return { target, tally: await tallyOf(tx, billId, target), myVote: value };
  });
}

/** Withdraws one's vote on a target; withdrawing when there is none changes nothing and records nothing. */
export async function withdrawVote({ db, published }: Deps, actor: Actor, billId: string, target: Target): Promise<VoteState> {
  const user = requireUser(actor);
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    await assertTarget(tx, billId, target);
    const previous = await voteOf(tx, target, user.id);
    if (previous !== null) {
      await tx.delete(votes).where(and(eq(votes.targetType, target.type), eq(votes.targetId, target.id), eq(votes.userId, user.id)));
      await moveTally(tx, billId, target, previous, null);
      await record('vote.withdrawn', user.id, { target: { type: target.type, id: target.id }, previous });
    }
    return { target, tally: await tallyOf(tx, billId, target), myVote: null };
  });
}
