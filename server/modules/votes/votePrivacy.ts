/**
 * A vote says what someone thinks of a bill: a political opinion, personal data of a special kind. The ledger keeps
 * every vote (its chain, tallies and replays need them), but what the public reads of a vote entry keeps only its
 * target (LEDGER8). The person sees their own votes through the votes endpoints; the tallies are public.
 *
 * A vote entry seals its voter and values when it is written (the ledger stores them apart, salted, and the payload
 * carries only their seal): nothing is left to withhold, and the entry names what it sealed. Entries written before
 * votes were sealed keep their former form (the chain cannot be rewritten): they name the voter in `actorId` and the
 * values in the payload, so those are withheld when they are read, and named in `withheld`.
 */
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { VoteValue } from '../../../shared/api/votes.ts';
import type { Target } from '../contributions/index.ts';
import type { NewEvent } from '../ledger/index.ts';

const VOTE_ENTRY = /^vote\./;
const VOTE_VALUES = ['value', 'previous'];

/** The ledger entry of a vote cast (`value`) or withdrawn (`null`): only its target is public, the rest is sealed. */
export function voteEntry(userId: string, { type, id }: Target, value: VoteValue | null, previous: VoteValue | null): Omit<NewEvent, 'billId'> {
  const target = { type, id };
  return value === null
    ? { type: 'vote.withdrawn', actorId: null, payload: { target }, sealed: { actorId: userId, previous } }
    : { type: 'vote.cast', actorId: null, payload: { target }, sealed: { actorId: userId, value, previous } };
}

/** The fields a sealed vote entry of this type keeps private, as `voteEntry` writes it. */
function sealedFields(type: string): string[] {
  return type === 'vote.withdrawn' ? ['actorId', 'previous'] : ['actorId', 'value', 'previous'];
}

/**
 * The entries as the public may read them: sealed vote entries as they are, naming what they sealed; older vote entries
 * without their voter and values.
 */
export function withholdVoters(entries: readonly LedgerEvent[]): LedgerEvent[] {
  return entries.map((entry) => {
    if (!VOTE_ENTRY.test(entry.type)) return entry;
    if (typeof entry.payload.seal === 'string') return { ...entry, sealed: sealedFields(entry.type) };
    const values = VOTE_VALUES.filter((field) => field in entry.payload);
    const payload = { ...entry.payload, ...Object.fromEntries(values.map((field) => [field, null])) };
    return { ...entry, actorId: null, payload, withheld: [...(entry.actorId === null ? [] : ['actorId']), ...values] };
  });
}
