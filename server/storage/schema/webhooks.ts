/**
 * Webhooks (server/modules/webhooks): a user's subscription of a URL to a bill's ledger, and the outbox of deliveries
 * derived from that ledger. A webhook's `cursor` is the bill's ledger position up to which deliveries were queued, so
 * a dispatcher that stopped anywhere resumes from the ledger itself; `(webhook_id, seq)` is unique, so an entry is
 * queued once whatever the number of nodes. A lease (`lease_owner`, `lease_until`) lets one node at a time deliver a
 * webhook's entries, in order. The secret is kept as is: it signs every delivery.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A URL registered by a user to receive a bill's ledger entries, signed with its secret. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** The entry types delivered; null: every type but votes. */
    events: jsonb('events').$type<string[] | null>(),
    secret: text('secret').notNull(),
    /** The `seq` of the bill's last ledger entry considered for delivery. */
    cursor: integer('cursor').notNull(),
    /** The node delivering this webhook's entries, until `lease_until`. */
    leaseOwner: text('lease_owner'),
    leaseUntil: instant('lease_until'),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_user_idx').on(t.userId), index('webhooks_bill_idx').on(t.billId)],
);

/** One ledger entry to deliver to one webhook: its body as sent, and where its delivery stands. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    /** The ledger entry's global id and its position in the bill's chain. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    eventType: text('event_type').notNull(),
    /** The JSON body, fixed when queued so that every attempt sends (and signs) the same bytes. */
    body: text('body').notNull(),
    /** pending | delivered | failed */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When the next attempt is due; null once delivered or given up. */
    nextAttemptAt: instant('next_attempt_at'),
    createdAt: createdAt(),
    completedAt: instant('completed_at'),
  },
  (t) => [
    unique('webhook_deliveries_seq_uq').on(t.webhookId, t.seq),
    index('webhook_deliveries_status_idx').on(t.webhookId, t.status, t.seq),
    // The retention sweep's read: finished deliveries, oldest first.
    index('webhook_deliveries_completed_idx').on(t.completedAt).where(sql`${t.completedAt} is not null`),
  ],
);

/** The log of every attempt to deliver: when, the answer's status or the error, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: instant('at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);
