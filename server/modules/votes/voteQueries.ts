/**
 * Reading votes: a target's state for one reader, and the tallies of many targets at once.
 */
import type { TargetType } from '../../../shared/api/contributions.ts';
import type { Tallies, VoteState } from '../../../shared/api/votes.ts';
import type { Actor } from '../../common/actor.ts';
import type { Database } from '../../storage/database.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertTarget, type Target } from '../contributions/index.ts';
import { voteOf, votesOf } from './ballots.ts';
import { tallyOf, talliesOf } from './tallies.ts';

/** A target's tally and the reader's own vote (null when anonymous). */
export async function getVoteState(db: Database, actor: Actor, billId: string, target: Target): Promise<VoteState> {
  await assertBillExists(db, billId);
  await assertTarget(db, billId, target);
  const [tally, myVote] = await Promise.all([tallyOf(db, billId, target), actor ? voteOf(db, target, actor.id) : null]);
  return { target, tally, myVote };
}

/** The tallies of several targets of one type of a bill (ids of nothing voted on get zeros), and the reader's votes on them. */
export async function readTallies(db: Database, actor: Actor, billId: string, targetType: TargetType, ids: readonly string[]): Promise<Tallies> {
  await assertBillExists(db, billId);
  const tallies = Object.fromEntries(await talliesOf(db, billId, targetType, ids));
  if (!actor) return { targetType, tallies };
  return { targetType, tallies, myVotes: Object.fromEntries(await votesOf(db, actor.id, targetType, ids)) };
}
