/**
 * Reading bills' ledgers for what happened to particular contributions (lineage): the entries of some types whose
 * payload names one of the given ids at one of the given fields, or every entry of those types. Entries come
 * unredacted: a caller shows only what no moderator hides (statuses, outcomes, official answers, version ids), never
 * a contribution's own text (LEDGER6).
 */
import { and, asc, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { Database } from '../../storage/database.ts';
import { events } from '../../storage/schema.ts';
import { notAVote, present } from './ledger.ts';

/** Which entries to read; `subjects` narrows them to those naming one of `ids` at one of `fields` (`amendmentId`, `target.id`). */
export interface EntriesQuery {
  billIds: readonly string[];
  types: readonly string[];
  subjects?: { fields: readonly string[]; ids: readonly string[] };
}

const FIELD = /^[A-Za-z]+(\.[A-Za-z]+)*$/;

/** The payload field as text. Fields are code constants, checked here, so they are written into the query as is. */
function payloadField(field: string): SQL {
  if (!FIELD.test(field)) throw new Error(`entriesAbout: not a payload field: ${field}`);
  return sql`(${events.payload} #>> ${sql.raw(`'{${field.split('.').join(',')}}'`)})`;
}

/** The matching entries, by bill then oldest first. */
export async function entriesAbout(db: Database, query: EntriesQuery): Promise<LedgerEvent[]> {
  const { billIds, types, subjects } = query;
  if (billIds.length === 0 || types.length === 0 || (subjects && (subjects.ids.length === 0 || subjects.fields.length === 0))) return [];
  if (types.some((type) => type.startsWith('vote.'))) throw new Error('entriesAbout: votes are sealed and never read this way');
  const about = subjects ? or(...subjects.fields.map((field) => inArray(payloadField(field), [...subjects.ids]))) : undefined;
  const rows = await db
    .select()
    .from(events)
    // Never votes: saying so lets the query use the index that leaves them out.
    .where(and(inArray(events.billId, [...billIds]), inArray(events.type, [...types]), notAVote, about))
    .orderBy(asc(events.billId), asc(events.seq));
  return rows.map(present);
}
