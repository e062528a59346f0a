/**
 * Reports and the public moderation log (server/modules/moderation). Anything moderated is named by a type and an
 * id, since contributions live in several tables; hiding itself is a set of columns on each of those tables (see
 * `moderated` in columns.ts). A unique constraint keeps one report per reporter and target; the log only grows.
 */
import { index, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

/** A user's report of a contribution to the moderators; one per reporter and target. */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** annotation | amendment | argument | source | question */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id),
    /** spam | offensive | off_topic | other */
    reason: text('reason').notNull(),
    text: text('text'),
    /** open | upheld (the content was hidden) | dismissed */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: text('resolved_by').references(() => users.id),
  },
  (t) => [unique('reports_reporter_uq').on(t.targetType, t.targetId, t.reporterId), index('reports_status_idx').on(t.status)],
);

/** The public moderation log: every hide and restore, with its public reason. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    moderatorId: text('moderator_id')
      .notNull()
      .references(() => users.id),
    /** hide | restore | dismiss */
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_actions_bill_idx').on(t.billId, t.createdAt)],
);
