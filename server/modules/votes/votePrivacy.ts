/**
 * A vote says what someone thinks of a bill: a political opinion, personal data of a special kind. The ledger keeps
 * every vote (its chain, tallies and replays need them), but what the public reads of a vote entry keeps only its
 * target: who voted and how are withheld, and the entry says so (LEDGER8). The person sees their own votes through
 * the votes endpoints; the tallies are public.
 */
import type { LedgerEvent } from '../../../shared/api/ledger.ts';

const VOTE_ENTRY = /^vote\./;
const VOTE_VALUES = ['value', 'previous'];

/** The entries as the public may read them: vote entries without their voter and values. */
export function withholdVoters(entries: readonly LedgerEvent[]): LedgerEvent[] {
  return entries.map((entry) => {
    if (!VOTE_ENTRY.test(entry.type)) return entry;
    const values = VOTE_VALUES.filter((field) => field in entry.payload);
    const payload = { ...entry.payload, ...Object.fromEntries(values.map((field) => [field, null])) };
    return { ...entry, actorId: null, payload, withheld: [...(entry.actorId === null ? [] : ['actorId']), ...values] };
  });
}
