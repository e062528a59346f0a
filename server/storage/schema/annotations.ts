/**
 * Annotations and their reactions (server/modules/annotations). Threads are one level deep: a reply's parent is
 * always the thread's root, so the replies of a whole page of threads read with one query (on the parent index).
 * Hidden annotations stay stored and show as tombstones.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { articles, bills } from './bills.ts';
import { createdAt, moderated } from './columns.ts';
import { users } from './users.ts';

/** A highlighted range of the official text with a comment; replies share the thread root's id as parent. */
export const annotations = pgTable(
  'annotations',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** Null for an annotation; the thread's root annotation for a reply. */
    parentId: text('parent_id'),
    articleId: text('article_id').references(() => articles.id),
    anchor: jsonb('anchor').$type<Record<string, unknown>>(),
    anchorStatus: text('anchor_status'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [index('annotations_bill_idx').on(t.billId), index('annotations_parent_idx').on(t.parentId)],
);

/** One reaction (from a fixed set) per person, kind and annotation. */
export const reactions = pgTable(
  'reactions',
  {
    annotationId: text('annotation_id')
      .notNull()
      .references(() => annotations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    reaction: text('reaction').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.userId, t.reaction] })],
);
