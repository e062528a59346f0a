/**
 * Arguments pour / contre (server/modules/arguments). The target is a type and an id rather than a foreign key,
 * since it may be an article or an amendment (the use case checks it); the index on it serves the listing filters.
 * The table is `arguments` but the export `debateArguments`: strict-mode JavaScript forbids a binding of that name.
 */
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bills } from './bills.ts';
import { createdAt, moderated } from './columns.ts';
import { users } from './users.ts';

/** Arguments pour / contre an article or an amendment. */
export const debateArguments = pgTable(
  'arguments',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** pour | contre */
    side: text('side').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [index('arguments_target_idx').on(t.targetType, t.targetId), index('arguments_bill_idx').on(t.billId)],
);
