/**
 * Votes are committed in groups, per bill. Every change to a bill holds the bill's ledger lock (`recordChange`), so
 * one transaction per vote would cap a consultation's bill at one commit round trip per vote (~150 votes/s on
 * PostgreSQL, whatever the number of nodes). Instead, the ballots that arrive while a bill's batch commits wait for
 * the next batch, which commits them together: one lock, one read of the previous votes, one write of the votes, one
 * of the tallies, one ledger insert. Each ballot keeps its own ledger entry (its voter and values sealed, LEDGER8) and
 * gets its own answer, or its own error (a target that does not exist fails that ballot only).
 */
import type { VoteState, VoteValue } from '../../../shared/api/votes.ts';
import type { DomainError } from '../../common/errors.ts';
import { assertBillExists } from '../bills/index.ts';
import { type DeliberationDeps, type Target, targetKey, unknownTargets } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { currentVotes, type Ballot, voteKey, writeVotes } from './ballots.ts';
import { EMPTY_TALLY, moveTallies, type TallyDelta, talliesOfTargets } from './tallies.ts';
import { voteEntry } from './votePrivacy.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

interface WaitingBallot extends Ballot {
  resolve: (state: VoteState) => void;
  reject: (error: unknown) => void;
}

/** Most ballots committed in one transaction (bounded statement sizes: 1,000 ballots are ~9,000 parameters). */
export const MAX_BALLOTS_PER_COMMIT = 1_000;

/** Resolves on the event loop's next turn, after the I/O already received has been handled. */
const nextTurn = () => new Promise<void>((resume) => setImmediate(resume));

/** Queues ballots per bill and commits each bill's queue in groups, one group at a time per bill on this node. */
export class BallotBox {
  private readonly waiting = new Map<string, WaitingBallot[]>();

  constructor(private readonly deps: Deps) {}

  /** Casts (`value`) or withdraws (`null`) a vote; resolves with the target's state once the vote is committed. */
  submit(billId: string, ballot: Ballot): Promise<VoteState> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(billId);
      if (queue) {
        queue.push({ ...ballot, resolve, reject });
        return;
      }
      this.waiting.set(billId, [{ ...ballot, resolve, reject }]);
      void nextTurn().then(() => this.drain(billId));
    });
  }

  /**
   * Commits the bill's queue batch after batch until it is empty; ballots arriving meanwhile join the next batch.
   * Each batch is taken one event-loop turn after the previous one ends (`setImmediate`), once the requests already
   * received have been read: an embedded database (PGlite) answers without real I/O, so a transaction never yields to
   * the network, and without that turn every ballot would commit alone.
   */
  private async drain(billId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(billId) ?? [];
      if (queue.length === 0) {
        this.waiting.delete(billId);
        return;
      }
      const batch = queue.splice(0, MAX_BALLOTS_PER_COMMIT);
      try {
        const outcomes = await commitBallots(this.deps, billId, batch);
        batch.forEach((ballot, index) => {
          const outcome = outcomes[index];
          if (outcome === undefined || outcome instanceof Error) ballot.reject(outcome ?? new Error('ballot left without an outcome'));
          else ballot.resolve(outcome);
        });
      } catch (error) {
        // The transaction failed as a whole: nothing of the batch was written, each ballot fails with the error.
        for (const ballot of batch) ballot.reject(error);
      }
      await nextTurn();
    }
  }
}

/**
 * Commits a batch of ballots of one bill in one transaction, in arrival order: a person's later ballot in the batch
 * sees their earlier one, exactly as if each had committed alone. Returns each ballot's state or error, in order.
 */
async function commitBallots({ db, published }: Deps, billId: string, batch: readonly Ballot[]): Promise<(VoteState | DomainError)[]> {
  return recordChange(db, published, billId, async (tx, _record, recordAll) => {
    await assertBillExists(tx, billId);
    const unknown = await unknownTargets(tx, billId, batch.map((ballot) => ballot.target));
    const valid = batch.filter((ballot) => !unknown.has(targetKey(ballot.target)));
    const stored = await currentVotes(tx, valid);
    const current = new Map<string, VoteValue | null>(stored);
    const last = new Map<string, Ballot>();
    const deltas = new Map<string, TallyDelta>();
    const entries = [];
    for (const ballot of valid) {
      const key = voteKey(ballot);
      const previous = current.get(key) ?? null;
      if (previous === ballot.value) continue; // the same value again, or withdrawing nothing: no change, no entry
      current.set(key, ballot.value);
      last.set(key, ballot);
      const delta = deltas.get(targetKey(ballot.target)) ?? { target: ballot.target, agree: 0, mixed: 0, disagree: 0 };
      if (previous) delta[previous] -= 1;
      if (ballot.value) delta[ballot.value] += 1;
      deltas.set(targetKey(ballot.target), delta);
      entries.push(voteEntry(ballot.userId, ballot.target, ballot.value, previous));
    }
    // What each (target, person) ends up with, where that differs from what was stored.
    await writeVotes(tx, billId, [...last.values()].filter((ballot) => (stored.get(voteKey(ballot)) ?? null) !== ballot.value));
    await moveTallies(tx, billId, [...deltas.values()]);
    await recordAll(entries);
    const tallies = await talliesOfTargets(tx, billId, valid.map((ballot) => ballot.target));
    return batch.map((ballot): VoteState | DomainError => {
      const error = unknown.get(targetKey(ballot.target));
      if (error) return error;
      const target: Target = ballot.target;
      return { target, tally: tallies.get(targetKey(target)) ?? EMPTY_TALLY, myVote: ballot.value };
    });
  });
}
