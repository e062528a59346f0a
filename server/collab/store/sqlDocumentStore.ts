/**
 * The document store on the system of record (PGlite or PostgreSQL, through drizzle). A document is a row of
 * `collab_documents` (its name, its compacted snapshot) plus its log in `collab_commits`, one row per commit.
 * Appends are plain inserts: identity ids increase, so they need no lock. Compaction takes a per-document advisory
 * lock and folds exactly the rows it deletes, so a commit landing meanwhile is either folded and deleted, or left
 * in the log.
 */
import { and, count, eq, max, sql, sum } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../storage/database.ts';
import { collabAuthors, collabCommits, collabDocuments } from '../../storage/schema.ts';
import { assertValidBatch, type ClientAuthor, type ClientAuthorRecord, type DocumentStore, type StoredDocument } from './documentStore.ts';
import { packUpdates, unpackUpdates } from './packedUpdates.ts';

// First key of the per-document advisory locks (the second is the document's id), apart from the ledger's (1001)
// and the source-reference lock's (1002).
const DOCUMENT_LOCK_SPACE = 1_003;

/** A DocumentStore over the `collab_documents` and `collab_commits` tables. */
export class SqlDocumentStore implements DocumentStore {
  // Names map to ids forever (documents are never deleted), so a node resolves each name once.
  readonly #ids = new Map<string, number>();
  // The append runs once per commit, so it is built once (drizzle would rebuild the same SQL text every time);
  // unnamed (''), so nothing is kept on the database server, where a pooler may not keep named statements.
  // The bytes travel as hex text decoded by the database: PGlite serialises a byte-array parameter in JavaScript,
  // which took half the CPU of a small commit and ~110 ms for a 475 KB one (against ~14 ms as hex).
  readonly #append;

  constructor(private readonly db: Database) {
    this.#append = db
      .insert(collabCommits)
      .values({
        documentId: sql.placeholder('documentId'),
        updates: sql`decode(${sql.placeholder('hex')}, 'hex')`,
        updateCount: sql.placeholder('updateCount'),
      })
      .returning({ id: collabCommits.id })
      .prepare('');
  }

  /**
   * Stores the batch as one commit row, its updates packed in order. New authors (a client's first commit on this
   * node, rare) make it a transaction with their rows; otherwise it stays the one prepared insert.
   */
  async appendUpdates(docName: string, updates: Uint8Array[], authors: readonly ClientAuthorRecord[] = []): Promise<{ lastUpdateId: number }> {
    assertValidBatch(docName, updates);
    const documentId = await this.#ensureDocument(docName);
    const packed = packUpdates(updates);
    const hex = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('hex');
    if (authors.length === 0) {
      const [row] = await this.#append.execute({ documentId, hex, updateCount: updates.length });
      return { lastUpdateId: (row as { id: number }).id };
    }
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(collabCommits)
        .values({ documentId, updates: sql`decode(${hex}, 'hex')`, updateCount: updates.length })
        .returning({ id: collabCommits.id });
      await tx
        .insert(collabAuthors)
        .values(authors.map(({ clientId, kind, id, actorId }) => ({ documentId, clientId, kind, authorId: id, actorId })))
        // The first owner recorded stands: another node (or a replayed update) cannot take a client id over.
        .onConflictDoNothing({ target: [collabAuthors.documentId, collabAuthors.clientId] });
      return { lastUpdateId: (row as { id: number }).id };
    });
  }

  /** Every recorded owner of the document's client ids. */
  async authors(docName: string): Promise<Map<number, ClientAuthor>> {
    const rows = await this.db
      .select({ clientId: collabAuthors.clientId, kind: collabAuthors.kind, id: collabAuthors.authorId, actorId: collabAuthors.actorId })
      .from(collabAuthors)
      .innerJoin(collabDocuments, eq(collabDocuments.id, collabAuthors.documentId))
      .where(eq(collabDocuments.name, docName));
    return new Map(rows.map(({ clientId, kind, id, actorId }) => [clientId, { kind: kind as ClientAuthor['kind'], id, actorId }]));
  }

  /** Reads snapshot and log in one repeatable-read transaction, so a compaction committing between the two reads cannot hide updates. */
  async load(docName: string): Promise<StoredDocument> {
    return this.db.transaction(
      async (tx) => {
        const [document] = await tx
          .select({ id: collabDocuments.id, snapshot: collabDocuments.snapshot, upto: collabDocuments.snapshotUptoCommitId })
          .from(collabDocuments)
          .where(eq(collabDocuments.name, docName));
        if (!document) return { snapshot: null, updates: [], lastUpdateId: 0 };
        // Every row still in the log is unfolded, even one whose id is below the snapshot's mark: on PostgreSQL an
        // insert can commit after a later id was folded, so filtering on `id > upto` would drop it.
        const rows = await tx
          .select({ id: collabCommits.id, updates: collabCommits.updates, count: collabCommits.updateCount })
          .from(collabCommits)
          .where(eq(collabCommits.documentId, document.id))
          .orderBy(collabCommits.id);
        const lastUpdateId = rows.reduce((max, row) => Math.max(max, row.id), document.upto);
        return { snapshot: document.snapshot, updates: rows.flatMap((row) => unpackUpdates(row.updates, row.count)), lastUpdateId };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }

  /** Deletes the log's committed rows and folds exactly those, with the old snapshot, into the new one. */
  async compact(docName: string): Promise<{ folded: number }> {
    const documentId = await this.#existingDocument(docName);
    if (documentId === null) return { folded: 0 };
    return this.db.transaction(async (tx) => {
      // Two compactions of one document would each fold half the log and the second would overwrite the first.
      await tx.execute(sql`select pg_advisory_xact_lock(${DOCUMENT_LOCK_SPACE}, ${documentId})`);
      // DELETE … RETURNING folds only what it removes: a commit landing meanwhile stays in the log.
      const removed = await tx
        .delete(collabCommits)
        .where(eq(collabCommits.documentId, documentId))
        .returning({ id: collabCommits.id, updates: collabCommits.updates, count: collabCommits.updateCount });
      if (removed.length === 0) return { folded: 0 };
      // Applied in id order (Yjs accepts any order, this one avoids holding updates as pending).
      removed.sort((a, b) => a.id - b.id);
      const [previous] = await tx
        .select({ snapshot: collabDocuments.snapshot, upto: collabDocuments.snapshotUptoCommitId })
        .from(collabDocuments)
        .where(eq(collabDocuments.id, documentId));
      // Through a Y.Doc rather than Y.mergeUpdates: applying is linear where merging 100,000 updates took minutes,
      // and the document's garbage collection drops deleted content from the snapshot.
      const doc = new Y.Doc();
      if (previous?.snapshot) Y.applyUpdate(doc, previous.snapshot);
      let folded = 0;
      for (const row of removed) {
        for (const update of unpackUpdates(row.updates, row.count)) Y.applyUpdate(doc, update);
        folded += row.count;
      }
      const snapshot = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const upto = removed.reduce((max, row) => Math.max(max, row.id), previous?.upto ?? 0);
      await tx
        .update(collabDocuments)
        .set({ snapshot, snapshotUptoCommitId: upto, compactedAt: sql`now()` })
        .where(eq(collabDocuments.id, documentId));
      return { folded };
    });
  }

  /** Stores `update` as the document's first content unless it already has some; true when it did. */
  async initialize(docName: string, update: Uint8Array): Promise<boolean> {
    assertValidBatch(docName, [update]);
    const documentId = await this.#ensureDocument(docName);
    return this.db.transaction(async (tx) => {
      // The same lock as compaction: two nodes opening a new document at once seed it only once.
      await tx.execute(sql`select pg_advisory_xact_lock(${DOCUMENT_LOCK_SPACE}, ${documentId})`);
      const [logged] = await tx.select({ id: collabCommits.id }).from(collabCommits).where(eq(collabCommits.documentId, documentId)).limit(1);
      const [compacted] = await tx
        .select({ id: collabDocuments.id })
        .from(collabDocuments)
        .where(and(eq(collabDocuments.id, documentId), sql`${collabDocuments.snapshot} is not null`));
      if (logged || compacted) return false;
      await tx.insert(collabCommits).values({ documentId, updates: update, updateCount: 1 });
      return true;
    });
  }

  /** The larger of the log's newest commit id and the snapshot's mark. */
  async headUpdateId(docName: string): Promise<number> {
    const [row] = await this.db
      .select({ upto: collabDocuments.snapshotUptoCommitId, logged: max(collabCommits.id) })
      .from(collabDocuments)
      .leftJoin(collabCommits, eq(collabCommits.documentId, collabDocuments.id))
      .where(eq(collabDocuments.name, docName))
      .groupBy(collabDocuments.id);
    return Math.max(row?.logged ?? 0, row?.upto ?? 0);
  }

  /** Counts the updates still in the log: compaction deletes whatever it folds. */
  async pendingUpdates(docName: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sum(collabCommits.updateCount).mapWith(Number), rows: count() })
      .from(collabCommits)
      .innerJoin(collabDocuments, eq(collabDocuments.id, collabCommits.documentId))
      .where(eq(collabDocuments.name, docName));
    return row?.rows ? row.n : 0;
  }

  /** The document's id, creating its row on first use (in its own statement, so no rolled-back transaction can leave a cached id that does not exist). */
  async #ensureDocument(docName: string): Promise<number> {
    const known = await this.#existingDocument(docName);
    if (known !== null) return known;
    await this.db.insert(collabDocuments).values({ name: docName }).onConflictDoNothing({ target: collabDocuments.name });
    return (await this.#existingDocument(docName)) as number;
  }

  async #existingDocument(docName: string): Promise<number | null> {
    const cached = this.#ids.get(docName);
    if (cached !== undefined) return cached;
    const [row] = await this.db.select({ id: collabDocuments.id }).from(collabDocuments).where(eq(collabDocuments.name, docName));
    if (row) this.#ids.set(docName, row.id);
    return row?.id ?? null;
  }
}
