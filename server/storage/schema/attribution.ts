/**
 * Who wrote each word (server/modules/blame): the owner of every Yjs client id that wrote into a shared document,
 * recorded by the collaboration store when it commits that client's first update, and the character spans each
 * known writer holds in every version published from a live text.
 */
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { versions } from './bills.ts';
import { collabDocuments } from './collab.ts';

/**
 * The owner of a Yjs client id in one document: a user (a writer's socket) or an amendment (the server's edit that
 * applied it, with the rapporteur whose decision it was as `actor_id`). The first record of a client id stands.
 */
export const collabAuthors = pgTable(
  'collab_authors',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => collabDocuments.id),
    /** Yjs client ids are unsigned 32-bit integers, past the range of `integer`. */
    clientId: bigint('client_id', { mode: 'number' }).notNull(),
    /** user | amendment */
    kind: text('kind').notNull(),
    /** The user's or the amendment's id. */
    authorId: text('author_id').notNull(),
    /** Who made the edit when it is not the author (the rapporteur who adopted an amendment), else null. */
    actorId: text('actor_id'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.clientId] })],
);

/** A run of characters of an article's text written by one known author (offsets in UTF-16 units, end excluded). */
export interface StoredSpan {
  from: number;
  to: number;
  kind: 'user' | 'amendment';
  id: string;
  actorId: string | null;
}

/**
 * For each article of a version published from the live text: the live document's id of the article (its identity
 * across renumbering) and the spans its known writers hold. Characters outside every span have no known author.
 */
export const versionAttributions = pgTable(
  'version_attributions',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    articleId: text('article_id').notNull(),
    docArticleId: text('doc_article_id').notNull(),
    /** Length of the article's text the spans were taken from, so spans are never read against another text. */
    textLength: integer('text_length').notNull(),
    spans: jsonb('spans').$type<StoredSpan[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.articleId] })],
);
