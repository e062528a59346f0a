/**
 * The document store on the system of record (PGlite or PostgreSQL, through drizzle). Appends are plain inserts:
 * identity ids increase, so they need no lock. Compaction takes a per-document advisory lock and folds exactly
 * the rows it deletes, so an update committed meanwhile is either folded and deleted, or left in the log.
 */
import { count, eq, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../storage/database.ts';
import { collabSnapshots, collabUpdates } from '../../storage/schema.ts';
import { assertValidBatch, type DocumentStore, type StoredDocument } from './documentStore.ts';

// First key of the compaction advisory locks (the second is the document name's hash), apart from the
// ledger's (1001) and the source-reference lock's (1002).
const COMPACTION_LOCK_SPACE = 1_003;

// Rows per INSERT: two parameters each keeps a statement far below PostgreSQL's 65,535-parameter limit.
const ROWS_PER_INSERT = 1_000;

/** A DocumentStore over the `collab_updates` and `collab_snapshots` tables. */
export class SqlDocumentStore implements DocumentStore {
  constructor(private readonly db: Database) {}

  /** Inserts the batch in id order within one transaction; the ids come from the table's identity. */
  async appendUpdates(docName: string, updates: Uint8Array[]): Promise<{ lastUpdateId: number }> {
    assertValidBatch(docName, updates);
    return this.db.transaction(async (tx) => {
      let lastUpdateId = 0;
      for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
        const rows = updates.slice(start, start + ROWS_PER_INSERT).map((update) => ({ docName, update }));
        // A multi-row INSERT draws identity values in VALUES order, so ids follow the batch's order.
        const inserted = await tx.insert(collabUpdates).values(rows).returning({ id: collabUpdates.id });
        for (const row of inserted) lastUpdateId = Math.max(lastUpdateId, row.id);
      }
      return { lastUpdateId };
    });
  }

  /** Reads snapshot and log in one repeatable-read transaction, so a compaction committing between the two reads cannot hide updates. */
  async load(docName: string): Promise<StoredDocument> {
    return this.db.transaction(
      async (tx) => {
        const [snapshot] = await tx
          .select({ state: collabSnapshots.state, uptoUpdateId: collabSnapshots.uptoUpdateId })
          .from(collabSnapshots)
          .where(eq(collabSnapshots.docName, docName));
        // Every row still in the log is unfolded, even one whose id is below the snapshot's mark: on PostgreSQL an
        // insert can commit after a later id was folded, so filtering on `id > upto` would drop it.
        const rows = await tx
          .select({ id: collabUpdates.id, update: collabUpdates.update })
          .from(collabUpdates)
          .where(eq(collabUpdates.docName, docName))
          .orderBy(collabUpdates.id);
        const lastUpdateId = rows.reduce((max, row) => Math.max(max, row.id), snapshot?.uptoUpdateId ?? 0);
        return { snapshot: snapshot?.state ?? null, updates: rows.map((row) => row.update), lastUpdateId };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  /** Deletes the log's committed rows and folds exactly those, with the old snapshot, into the new one. */
  async compact(docName: string): Promise<{ folded: number }> {
    return this.db.transaction(async (tx) => {
      // Two compactions of one document would each fold half the log and the second would overwrite the first.
      await tx.execute(sql`select pg_advisory_xact_lock(${COMPACTION_LOCK_SPACE}, hashtext(${docName}))`);
      // DELETE … RETURNING folds only what it removes: an append committing meanwhile stays in the log.
      const removed = await tx
        .delete(collabUpdates)
        .where(eq(collabUpdates.docName, docName))
        .returning({ id: collabUpdates.id, update: collabUpdates.update });
      if (removed.length === 0) return { folded: 0 };
      // Applied in id order (Yjs accepts any order, this one avoids holding updates as pending).
      removed.sort((a, b) => a.id - b.id);
      const [previous] = await tx
        .select({ state: collabSnapshots.state, uptoUpdateId: collabSnapshots.uptoUpdateId })
        .from(collabSnapshots)
        .where(eq(collabSnapshots.docName, docName));
      // Through a Y.Doc rather than Y.mergeUpdates: applying is linear where merging 100,000 updates took minutes,
      // and the document's garbage collection drops deleted content from the snapshot.
      const doc = new Y.Doc();
      if (previous) Y.applyUpdate(doc, previous.state);
      for (const row of removed) Y.applyUpdate(doc, row.update);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const uptoUpdateId = removed.reduce((max, row) => Math.max(max, row.id), previous?.uptoUpdateId ?? 0);
      await tx
        .insert(collabSnapshots)
        .values({ docName, state, uptoUpdateId })
        .onConflictDoUpdate({ target: collabSnapshots.docName, set: { state, uptoUpdateId, updatedAt: sql`now()` } });
      return { folded: removed.length };
    });
  }

  /** Stores `update` as the document's first content unless it already has some; true when it did. */
  async initialize(docName: string, update: Uint8Array): Promise<boolean> {
    assertValidBatch(docName, [update]);
    return this.db.transaction(async (tx) => {
      // The same lock as compaction: two nodes opening a new document at once seed it only once.
      await tx.execute(sql`select pg_advisory_xact_lock(${COMPACTION_LOCK_SPACE}, hashtext(${docName}))`);
      const [logged] = await tx.select({ id: collabUpdates.id }).from(collabUpdates).where(eq(collabUpdates.docName, docName)).limit(1);
      const [snapshot] = await tx.select({ id: collabSnapshots.docName }).from(collabSnapshots).where(eq(collabSnapshots.docName, docName));
      if (logged || snapshot) return false;
      await tx.insert(collabUpdates).values({ docName, update });
      return true;
    });
  }

  /** The larger of the log's newest id and the snapshot's mark. */
  async headUpdateId(docName: string): Promise<number> {
    const [logged] = await this.db.select({ id: max(collabUpdates.id) }).from(collabUpdates).where(eq(collabUpdates.docName, docName));
    const [snapshot] = await this.db
      .select({ upto: collabSnapshots.uptoUpdateId })
      .from(collabSnapshots)
      .where(eq(collabSnapshots.docName, docName));
    return Math.max(logged?.id ?? 0, snapshot?.upto ?? 0);
  }

  /** Counts the rows still in the log: compaction deletes whatever it folds. */
  async pendingUpdates(docName: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.docName, docName));
    return row?.n ?? 0;
  }
}
