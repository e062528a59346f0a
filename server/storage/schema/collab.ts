/**
 * The collaboration store (server/collab/store): each shared document's compacted snapshot and the log of commits
 * not yet folded into it. Yjs updates are binary, hence bytea; document names are stored once and the log refers to
 * them by a small integer.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, customType, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

// drizzle has no bytea; pg hands back a Buffer and PGlite a Uint8Array, so both become a plain Uint8Array
// (a Buffer is not equal to a Uint8Array for deep comparison, and the two engines must read alike).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value.constructor === Uint8Array ? value : new Uint8Array(value)),
});

/**
 * A collaborative document (`bill:<uuid>`, `amendment:<uuid>`…) and its compacted state. The log refers to it by
 * a small integer, so the name is stored once rather than in every log row and index entry.
 */
export const collabDocuments = pgTable('collab_documents', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  /** One Yjs update encoding every commit folded in so far, or null before the first compaction. */
  snapshot: bytea('snapshot'),
  /** The highest commit id folded in; commits still in the log are the ones not folded, whatever their id. */
  snapshotUptoCommitId: bigint('snapshot_upto_commit_id', { mode: 'number' }).notNull().default(0),
  compactedAt: timestamp('compacted_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/**
 * The append-only log of a document's Yjs updates: one row per commit, holding that commit's updates packed in
 * order (see packUpdates). One row per group commit rather than per update keeps the row and index overhead
 * from dwarfing updates of a few dozen bytes.
 */
export const collabCommits = pgTable(
  'collab_commits',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => collabDocuments.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    updates: bytea('updates').notNull(),
    updateCount: integer('update_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.id] }),
    // An empty commit means a caller bug; the store refuses it too, this keeps the log clean whatever writes.
    check('collab_commits_nonempty', sql`${t.updateCount} > 0 and octet_length(${t.updates}) > 0`),
  ],
);
