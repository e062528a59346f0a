/**
 * Amendments (server/modules/amendments). Imported amendments and those proposed here share one table, so lists,
 * votes and responses treat them alike; the columns of a proposal stay null on imported rows. The diff as decided
 * is frozen in the row, since the text it was computed against keeps changing.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { articles, billSteps, bills } from './bills.ts';
import { createdAt, day, moderated } from './columns.ts';
import { users } from './users.ts';

/** Amendments: imported metadata today; drafts and deliberation build on the same rows. */
export const amendments = pgTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    stepId: text('step_id').references(() => billSteps.id, { onDelete: 'cascade' }),
    number: text('number'),
    origin: text('origin').notNull(),
    status: text('status').notNull(),
    authorName: text('author_name').notNull(),
    groupCode: text('group_code'),
    /** What the amendment targets, as the assembly files it ("Article 2", "Après l'article 5"). */
    subject: text('subject'),
    subjectOrder: integer('subject_order'),
    articleNumber: text('article_number'),
    date: day('date'),
    sourceId: text('source_id'),
    sourceUrl: text('source_url'),
    createdAt: createdAt(),
    // Amendments proposed here (imported ones leave these null): who wrote it, what it changes and how.
    authorId: text('author_id').references(() => users.id),
    /** replace | insert | delete (a range) | rewrite_article | delete_article | add_article */
    kind: text('kind'),
    articleId: text('article_id').references(() => articles.id),
    /** For add_article: the article the new one follows (null: at the start). */
    afterArticleId: text('after_article_id').references(() => articles.id),
    /** The range or insertion point in the article's live text (see shared/anchors). */
    anchor: jsonb('anchor').$type<Record<string, unknown>>(),
    anchorStatus: text('anchor_status'),
    /** The proposed text (dispositif): replacement, insertion or whole new article. */
    dispositif: text('dispositif'),
    /** The rationale (exposé sommaire). */
    expose: text('expose'),
    /** A sous-amendement's parent: it rewrites the parent's dispositif rather than the bill. */
    parentId: text('parent_id'),
    /** Running number among this bill's amendments proposed here, assigned at deposit. */
    numberSeq: integer('number_seq'),
    /** The target text when the amendment was deposited, to tell later edits of the target from the proposal. */
    baseText: text('base_text'),
    /** The diff as it stood when the amendment left `deposited` (decided, withdrawn, fallen): what was voted on. */
    finalDiff: jsonb('final_diff').$type<{ before: string; after: string; parts: { op: 'equal' | 'insert' | 'delete'; text: string }[] }>(),
    /** Set when an adopted amendment changed the text this one targets without removing it. */
    needsRebase: boolean('needs_rebase').notNull().default(false),
    depositedAt: timestamp('deposited_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** For an adopted amendment: the collaborative commit that applied it to the bill's text. */
    appliedCommitId: bigint('applied_commit_id', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [
    index('amendments_bill_idx').on(t.billId),
    unique('amendments_number_uq').on(t.stepId, t.number),
    unique('amendments_number_seq_uq').on(t.billId, t.numberSeq),
    index('amendments_article_idx').on(t.articleId),
  ],
);

/** Who writes an amendment: its first author, and co-authors once they accept an author's invitation. */
export const amendmentAuthors = pgTable(
  'amendment_authors',
  {
    amendmentId: text('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** author | invited | coauthor */
    status: text('status').notNull(),
    invitedBy: text('invited_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] }), index('amendment_authors_user_idx').on(t.userId)],
);
