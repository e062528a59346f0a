/**
 * The 0002 migration moved the log from one row per update (`collab_updates`, `collab_snapshots`) to one row per
 * commit under a document row. A database written before it must come out with every document intact.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schema } from '../../storage/schema.ts';
import { SqlDocumentStore } from './sqlDocumentStore.ts';

const migrations = fileURLToPath(new URL('../../storage/migrations', import.meta.url));
const BEFORE_COMMIT_LOG = '0001_collab_documents';

/** A copy of the migrations folder that stops at `lastTag`, to build a database as an older release left it. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'loilive-migrations-'));
  await cp(migrations, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag === lastTag) + 1);
  await writeFile(journalFile, JSON.stringify(journal));
  return folder;
}

describe('upgrading the collaborative log', () => {
  const client = new PGlite();
  afterAll(() => client.close());

  it('COLLAB15 documents stored one row per update (snapshot, log, both) load the same after the upgrade', async () => {
    const db = drizzle({ client, schema });
    const old = await migrationsUpTo(BEFORE_COMMIT_LOG);
    await migrate(db, { migrationsFolder: old });
    await rm(old, { recursive: true, force: true });

    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['Article ', 'premier ', '— ', 'texte']) doc.getText('t').insert(doc.getText('t').length, word);
    const snapshotOfFirstTwo = Y.mergeUpdates(updates.slice(0, 2));
    // bill:a has a snapshot and a log, bill:b only a log, bill:c only a snapshot.
    await client.query(`insert into collab_snapshots (doc_name, state, upto_update_id) values ('bill:a', $1, 2), ('bill:c', $1, 2)`, [snapshotOfFirstTwo]);
    await client.query(`insert into collab_updates (doc_name, update) values ('bill:a', $1), ('bill:a', $2)`, updates.slice(2));
    for (const update of updates) await client.query(`insert into collab_updates (doc_name, update) values ('bill:b', $1)`, [update]);

    await migrate(db, { migrationsFolder: migrations });
    const store = new SqlDocumentStore(db);
    const textOf = async (name: string) => {
      const stored = await store.load(name);
      const loaded = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(loaded, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(loaded, update);
      return loaded.getText('t').toJSON();
    };
    expect(await textOf('bill:a')).toBe('Article premier — texte');
    expect(await textOf('bill:b')).toBe('Article premier — texte');
    expect(await textOf('bill:c')).toBe('Article premier ');
    expect(await store.pendingUpdates('bill:b')).toBe(4);
    // New commits get ids above every carried-over one, so "applied less than the head" still means "missed something".
    const head = Math.max(...(await Promise.all(['bill:a', 'bill:b', 'bill:c'].map((name) => store.headUpdateId(name)))));
    const { lastUpdateId } = await store.appendUpdates('bill:c', [updates[2] as Uint8Array]);
    expect(lastUpdateId).toBeGreaterThan(head);
  });
});
