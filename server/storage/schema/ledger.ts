/**
 * The ledger (server/modules/ledger). Rows are only appended: `(bill_id, seq)` is unique so a bill's entries have
 * one order, each `hash` covers the row's content and `prev_hash` so the chain can be verified, and the bill's
 * foreign key restricts deletion so a bill cannot take its history with it. `created_at` is set by the appender,
 * not the database, because it is part of what the hash covers.
 */
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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('events_bill_seq_uq').on(t.billId, t.seq), index('events_bill_id_idx').on(t.billId, t.id)],
);
