/**
 * The shape of every change to a bill: one transaction that first takes the bill's ledger lock, makes the change,
 * appends its ledger entries, commits, and only then tells the live stream. Taking the lock first serialises all
 * writers of one bill, so checks made inside (one vote per person, a lifecycle transition, a tally) cannot race.
 */
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { Database } from '../../storage/database.ts';
import { appendEvent, appendEvents, lockChain, type NewEvent } from './ledger.ts';

/** Called after a change commits with the entries it appended (the live stream); must not throw. */
export type EntriesPublished = (billId: string, entries: LedgerEvent[]) => void;

/** For callers with no live stream to tell (seeding, imports, scripts). */
export const ignoreEntries: EntriesPublished = () => undefined;

/** What a change writes about itself: an entry type, who acted, and the entry's payload. */
export type RecordEntry = (type: string, actorId: string | null, payload: { [key: string]: unknown }) => Promise<LedgerEvent>;

/** Appends several entries at once, in order (a group commit's entries). */
export type RecordEntries = (entries: readonly Omit<NewEvent, 'billId'>[]) => Promise<LedgerEvent[]>;

/**
 * Runs `change` in a transaction holding `billId`'s ledger lock; `record` appends an entry to that bill's chain,
 * `recordAll` several. Resolves with the change's result once committed and published.
 */
export async function recordChange<T>(
  db: Database,
  published: EntriesPublished,
  billId: string,
  change: (tx: Database, record: RecordEntry, recordAll: RecordEntries) => Promise<T>,
): Promise<T> {
  const entries: LedgerEvent[] = [];
  const result = await db.transaction(async (tx) => {
    await lockChain(tx, billId);
    const record: RecordEntry = async (type, actorId, payload) => {
      const entry = await appendEvent(tx, { billId, type, actorId, payload });
      entries.push(entry);
      return entry;
    };
    const recordAll: RecordEntries = async (batch) => {
      const appended = await appendEvents(tx, billId, batch);
      entries.push(...appended);
      return appended;
    };
    return change(tx, record, recordAll);
  });
  if (entries.length > 0) published(billId, entries);
  return result;
}
