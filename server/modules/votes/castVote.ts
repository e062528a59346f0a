/**
 * Casting, changing and withdrawing a vote. The ballot goes to the bill's ballot box, which commits it with the
 * ballots that arrived meanwhile in one `recordChange` transaction (see ballotBox.ts): the previous vote is read,
 * the new one written and the tally moved by the difference, with the ledger entry, all under the bill's lock.
 */
import { type VoteState, VoteValue } from '../../../shared/api/votes.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import type { Target } from '../contributions/index.ts';
import type { BallotBox } from './ballotBox.ts';

/** Votes on a target, or changes one's vote; voting the same value again changes nothing and records nothing. */
export function castVote(ballots: BallotBox, actor: Actor, billId: string, target: Target, value: VoteValue): Promise<VoteState> {
  const user = requireUser(actor);
  // An argument is endorsed or not: "+1" is its only vote.
  if (target.type === 'argument' && value !== VoteValue.agree) {
    throw new DomainError(ErrorCode.validationFailed, 'value: an argument only takes an "agree" vote', {
      errors: [{ path: 'value', message: 'an argument only takes an "agree" vote' }],
    });
  }
  return ballots.submit(billId, { userId: user.id, target, value });
}

/** Withdraws one's vote on a target; withdrawing when there is none changes nothing and records nothing. */
export function withdrawVote(ballots: BallotBox, actor: Actor, billId: string, target: Target): Promise<VoteState> {
  const user = requireUser(actor);
  return ballots.submit(billId, { userId: user.id, target, value: null });
}
