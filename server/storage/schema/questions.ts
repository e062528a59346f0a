/**
 * Questions to a bill's parliamentarians (server/modules/questions). A question is about the bill or one article,
 * so it has an optional foreign key rather than a typed target; its answer lives in `responses`.
 */
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { articles, bills } from './bills.ts';
import { createdAt, moderated } from './columns.ts';
import { users } from './users.ts';

/** Questions to a bill's parliamentarians, on the bill or one of its articles. */
export const questions = pgTable(
  'questions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    articleId: text('article_id').references(() => articles.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    ...moderated(),
  },
  (t) => [index('questions_bill_idx').on(t.billId)],
);
