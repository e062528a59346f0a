/**
 * Sources (server/modules/sources). Like arguments, a source targets an article or an amendment by type and id
 * (the use case checks it), indexed for the listing filters; sources are never edited, so there is no edit time.
 */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt, moderated } from './columns.ts';
import { users } from './users.ts';

/** Sources (title, link, description) offered on an article or an amendment. */
export const sources = pgTable(
  'sources',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    ...moderated(),
  },
  (t) => [index('sources_target_idx').on(t.targetType, t.targetId), index('sources_bill_idx').on(t.billId)],
);
