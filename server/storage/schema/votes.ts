/**
 * Votes and their tallies (server/modules/votes). A target is a type and an id, not a foreign key, because
 * articles, amendments and arguments live in different tables (the use case checks the target). The primary key,
 * not application code, holds one vote per person and target; the tallies beside it save counting rows on reads.
 */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

/**
 * Votes d'accord / mitigé / pas d'accord on an article, an amendment or an argument: one per person and target,
 * held by the primary key whatever the concurrency; changing one's vote updates the row.
 */
export const votes = pgTable(
  'votes',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** article | amendment | argument */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** agree | mixed | disagree */
    value: text('value').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId, t.userId] }), index('votes_user_idx').on(t.userId)],
);

/** Running totals of `votes` per target, updated in the same transaction as each vote so reads stay cheap and exact. */
export const voteTallies = pgTable(
  'vote_tallies',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    agree: integer('agree').notNull().default(0),
    mixed: integer('mixed').notNull().default(0),
    disagree: integer('disagree').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId] }), index('vote_tallies_bill_idx').on(t.billId)],
);
