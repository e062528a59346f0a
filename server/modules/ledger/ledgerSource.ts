/**
 * What the live stream reads from the ledger: heads and ranges of a bill's entries, by `seq`.
 *
 * The REST endpoint pages by global id; the live cursor is the per-bill `seq`, which the `(bill_id, seq)` unique index
 * serves directly. These are read-only queries (the ledger's writers are `appendEvent` and `recordChange`). Ranges
 * are read for the public: entries go through the server's redaction (LEDGER6), so a replay or a gap repair read
 * after a contribution was hidden does not show its text.
 */
import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { Database } from '../../storage/database.ts';
import { events } from '../../storage/schema.ts';
import { present } from './ledger.ts';
import type { RedactEntries } from './publicLedger.ts';

/** Reads of a bill's ledger by position. */
export interface LedgerSource {
  /** The bill's last `seq`, or null when the bill has no ledger (no such bill). */
  head(billId: string): Promise<number | null>;
  /** The last `seq` of each bill that has entries. */
  heads(billIds: readonly string[]): Promise<Map<string, number>>;
  /** Up to `limit` entries with `seq` > `after`, in `seq` order, as the public may read them. */
  entriesAfter(billId: string, after: number, limit: number): Promise<LedgerEvent[]>;
}

/** The ledger in the database; `redact` is applied to every range read. */
export function sqlLedgerSource(db: Database, redact: RedactEntries): LedgerSource {
  return {
    async head(billId) {
      const [row] = await db.select({ head: max(events.seq) }).from(events).where(eq(events.billId, billId));
      return row?.head ?? null;
    },
    async heads(billIds) {
      if (billIds.length === 0) return new Map();
      const rows = await db
        .select({ billId: events.billId, head: max(events.seq) })
        .from(events)
        .where(inArray(events.billId, [...billIds]))
        .groupBy(events.billId);
      return new Map(rows.flatMap((row) => (row.head === null ? [] : [[row.billId, row.head] as const])));
    },
    async entriesAfter(billId, after, limit) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.billId, billId), gt(events.seq, after)))
        .orderBy(asc(events.seq))
        .limit(limit);
      return redact(rows.map(present));
    },
  };
}
