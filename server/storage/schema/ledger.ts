/**
 * The ledger (server/modules/ledger). Rows are only appended: `(bill_id, seq)` is unique so a bill's entries have
 * one order, each `hash` covers the row's content and `prev_hash` so the chain can be verified, and the bill's
 * foreign key restricts deletion so a bill cannot take its history with it. `created_at` is set by the appender,
 * not the database, because it is part of what the hash covers. `sealed` holds an entry's private fields (a vote's voter
 * and values) with their salt, apart from the chained fields: `payload.seal` is their SHA-256, so the hash covers them,
 * and setting `sealed` to null (erasure) leaves the chain intact. Two partial indexes leave votes out: a query
 * uses them only if it states their predicate (server/modules/ledger `notAVote`).
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';

/** The per-bill, hash-chained, append-only event ledger. */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    sealed: jsonb('sealed').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('events_bill_seq_uq').on(t.billId, t.seq),
    index('events_bill_id_idx').on(t.billId, t.id),
    // Votes are most of a consulted bill's entries (150,000 in République numérique) and change only tallies: the
    // reads of everything else (a bill's content revision, a contribution's entries) skip them through these.
    index('events_bill_content_seq_idx').on(t.billId, t.seq).where(sql`${t.type} not like 'vote.%'`),
    index('events_bill_content_type_idx').on(t.billId, t.type, t.seq).where(sql`${t.type} not like 'vote.%'`),
  ],
);
