/**
 * Official responses (server/modules/responses). A unique constraint on the target keeps one current answer per
 * amendment or question, so answering again replaces it (hence `updatedAt`); the target is a type and an id since
 * amendments and questions live in different tables.
 */
import { index, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt } from './columns.ts';
import { users } from './users.ts';

/** A parliamentarian's official answer to an amendment (with an avis) or a question; one current answer per target. */
export const responses = pgTable(
  'responses',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** amendment | question */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** favorable | defavorable | sagesse | retrait; null for a question */
    avis: text('avis'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('responses_target_uq').on(t.targetType, t.targetId), index('responses_bill_idx').on(t.billId)],
);
