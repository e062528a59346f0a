/**
 * A bill's ledger as the public reads it (`GET /bills/:id/events`, the live stream's reads): a page after an entry id or
 * the bill's last entries, each entry passed through the server's redaction, which withholds the text of hidden
 * contributions (LEDGER6). Moderation knows what is hidden; the composition root hands its redaction in.
 */
import { and, desc, eq, inArray, lte, max } from 'drizzle-orm';
import { LEDGER_PAGE_SIZE, type LedgerEvent, type LedgerPage, type LedgerQuery } from '../../../shared/api/ledger.ts';
import type { Database } from '../../storage/database.ts';
import { events } from '../../storage/schema.ts';
import { assertChainExists, listEvents, present } from './ledger.ts';

/** Turns entries read from the ledger into what the public may read of them, in the same order. */
export type RedactEntries = (entries: readonly LedgerEvent[]) => Promise<LedgerEvent[]>;

/**
 * A page of the bill's entries, oldest first: after `after` (an entry id), or its `last` N (LEDGER7); with the live
 * cursor the page reaches. Throws bill_not_found.
 */
export async function readLedgerPage(db: Database, redact: RedactEntries, billId: string, query: LedgerQuery): Promise<LedgerPage> {
  await assertChainExists(db, billId);
  if (query.last !== undefined) {
    const latest = await lastEvents(db, billId, query.last);
    // The bill exists, so it has at least its first entry.
    return { events: await redact(latest), next: null, cursor: latest.at(-1)?.seq ?? 0 };
  }
  const after = query.after ?? 0;
  const page = await listEvents(db, billId, after, query.limit ?? LEDGER_PAGE_SIZE);
  const cursor = page.events.at(-1)?.seq ?? (await seqReached(db, billId, after));
  return { events: await redact(page.events), next: page.next, cursor };
}

/**
 * The bill's last `count` entries of the given types, newest first, as the public may read them (an Atom feed's
 * entries). Throws bill_not_found.
 */
export async function readLatestOfTypes(db: Database, redact: RedactEntries, billId: string, types: readonly string[], count: number): Promise<LedgerEvent[]> {
  await assertChainExists(db, billId);
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.billId, billId), inArray(events.type, [...types])))
    .orderBy(desc(events.seq))
    .limit(count);
  return redact(rows.map(present));
}

/** The bill's last `count` entries, oldest first. */
async function lastEvents(db: Database, billId: string, count: number): Promise<LedgerEvent[]> {
  const rows = await db.select().from(events).where(eq(events.billId, billId)).orderBy(desc(events.seq)).limit(count);
  return rows.reverse().map(present);
}

/** The `seq` of the bill's last entry with an id up to `afterId` (0 when none): where a reader who had those is. */
async function seqReached(db: Database, billId: string, afterId: number): Promise<number> {
  const [row] = await db.select({ seq: max(events.seq) }).from(events).where(and(eq(events.billId, billId), lte(events.id, afterId)));
  return row?.seq ?? 0;
}
