/**
 * Who the replay needs and what each voter casts: the consultation gives counts, not ballots, so the ballots are
 * drawn here from a pool of anonymous voters, as small as the counts allow (the largest number of votes on one
 * opinion), each voting at most once per opinion. The order is shuffled with a seed, so runs are comparable.
 */
import type { VoteValue } from '../../../shared/api/votes.ts';
import { mulberry32, randomInt } from '../random.ts';
import { type Consultation, type Opinion, votesTotal } from './readConsultation.ts';

/** One vote to cast: voter number `voter` (0-based, in the pool) votes `value` on the opinion. */
export interface Ballot {
  opinionId: number;
  voter: number;
  value: VoteValue;
}

/** The accounts a replay signs up (by bulk fixture): proposal authors, argument authors, voters. */
export interface AccountsNeeded {
  /** Usernames of the citizens who published proposals. */
  proposalAuthors: string[];
  /** Pseudonyms of the argument authors. */
  argumentAuthors: string[];
  /** Size of the anonymous voter pool. */
  voters: number;
}

/** The smallest pool of distinct voters that can cast every opinion's votes: the most votes on one opinion. */
export const voterPoolSize = (opinions: readonly Opinion[]) => Math.max(0, ...opinions.map((opinion) => votesTotal(opinion.votes)));

/** The distinct people the consultation's contributions and counts need. */
export function accountsNeeded(consultation: Consultation): AccountsNeeded {
  const proposals = consultation.opinions.filter((opinion) => opinion.kind === 'proposal');
  return {
    proposalAuthors: [...new Set(proposals.map((opinion) => opinion.author))],
    argumentAuthors: [...new Set(consultation.opinions.flatMap((opinion) => opinion.arguments.map((argument) => argument.author)))],
    voters: voterPoolSize(consultation.opinions),
  };
}

/**
 * Every ballot of the consultation: for each opinion, `agree` × votes_ok, `disagree` × votes_nok, `mixed` ×
 * votes_mitige, by consecutive voters of the pool starting where the previous opinion stopped (so the load spreads
 * over all voters), then shuffled.
 */
export function ballotsOf(opinions: readonly Opinion[], seed = 2015): Ballot[] {
  const pool = voterPoolSize(opinions);
  const ballots: Ballot[] = [];
  let next = 0;
  for (const opinion of opinions) {
    const values: VoteValue[] = [
      ...Array<VoteValue>(opinion.votes.agree).fill('agree'),
      ...Array<VoteValue>(opinion.votes.disagree).fill('disagree'),
      ...Array<VoteValue>(opinion.votes.mixed).fill('mixed'),
    ];
    // At most `pool` consecutive numbers modulo `pool`: all distinct, so nobody votes twice on one opinion.
    values.forEach((value, i) => ballots.push({ opinionId: opinion.id, voter: (next + i) % pool, value }));
    next = (next + values.length) % Math.max(pool, 1);
  }
  const random = mulberry32(seed);
  for (let i = ballots.length - 1; i > 0; i -= 1) {
    const j = randomInt(random, i + 1);
    [ballots[i], ballots[j]] = [ballots[j] as Ballot, ballots[i] as Ballot];
  }
  return ballots;
}
