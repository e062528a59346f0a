/**
 * Vote entries (`vote.*`) are not streamed one by one: they mark their target's tally as changed, and the
 * target's current tally is streamed instead (throttled when live, once per target when replayed).
 */
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import { type VoteTally, type VoteTarget, VoteTargetSchema } from '../../shared/api/votes.ts';

/** The current tally of a target; it must reflect every vote committed before the call. */
export type TallySource = (billId: string, target: VoteTarget) => Promise<VoteTally>;

/** A tally message's provenance: which target, and every vote entry up to which `seq` it reflects. */
export interface TallyStamp {
  key: string;
  reflects: number;
}

const VOTE_PREFIX = 'vote.';

/** The target of a vote entry, or null for any other entry (a vote entry without a valid target streams as is). */
export function voteTargetOf(entry: LedgerEvent): VoteTarget | null {
  if (!entry.type.startsWith(VOTE_PREFIX)) return null;
  const parsed = VoteTargetSchema.safeParse(entry.payload.target);
  return parsed.success ? parsed.data : null;
}

/** One string per target, for maps. */
export function targetKey(target: VoteTarget): string {
  return `${target.type}:${target.id}`;
}
