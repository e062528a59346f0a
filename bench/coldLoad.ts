/**
 * `npm run bench:cold-load`: how long a node takes to open a bill whose document holds 100,000 stored edits,
 * against the same document compacted into one snapshot; and how many bytes the store wrote per byte of update.
 * Uses the real document store on embedded PGlite (or BENCH_DATABASE_URL), in a fresh temporary database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { SqlDocumentStore } from '../server/collab/store/sqlDocumentStore.ts';
import { openStorage, queryRows } from '../server/storage/database.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 100_000);
// Updates per commit: a busy document's group commits hold tens of updates.
const BATCH = 50;
// The server compacts once this many updates wait in the log (LiveDocument's COMPACT_AFTER).
const COMPACT_AFTER = 500;
const RUNS = 5;
// Edits committed one by one (typing pace: each keystroke is its own commit) to measure the worst-case overhead.
const ALONE = 10_000;
const LOGGED = 'bill:cold-load-logged';
const SERVED = 'bill:cold-load-served';
const ONE_BY_ONE = 'bill:cold-load-one-by-one';

/** Opens a document the way the registry does: read the store, apply everything, encode the state for joiners. */
async function openDocument(store: SqlDocumentStore, name: string): Promise<{ ms: number; chars: number }> {
  const started = performance.now();
  const stored = await store.load(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  Y.encodeStateAsUpdate(doc);
  const ms = performance.now() - started;
  const chars = doc.getText('t').length;
  doc.destroy();
  return { ms, chars };
}

async function median(run: () => Promise<{ ms: number; chars: number }>) {
  const results = [];
  for (let i = 0; i < RUNS; i += 1) results.push(await run());
  const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
  return { ms: sorted[Math.floor(RUNS / 2)] as number, chars: results[0]?.chars ?? 0 };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-coldload-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const storage = await openStorage(databaseUrl ? { databaseUrl } : { dataDir });
  const store = new SqlDocumentStore(storage.db);
  try {
    // One writer typing and sometimes deleting: the updates a rapporteur's editor sends, one per keystroke.
    const writer = new Y.Doc();
    const text = writer.getText('t');
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < EDITS; i += 1) {
      if (i % 10 === 9 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), 'abcdefghij'[i % 10] as string);
    }
    const updateBytes = updates.reduce((sum, u) => sum + u.length, 0);
    const sizeOf = async () =>
      Number(
        (await queryRows<{ bytes: string }>(storage.db, sql`select pg_total_relation_size('collab_commits') + pg_total_relation_size('collab_documents') as bytes`))[0]
          ?.bytes ?? '0',
      );

    // 1. Each edit its own commit, as when one person types alone: every row carries one small update. First, on
    //    fresh tables: the later compactions free space that new rows would reuse, hiding their size.
    const alone = updates.slice(0, ALONE);
    const aloneBytes = alone.reduce((sum, u) => sum + u.length, 0);
    const beforeAlone = await sizeOf();
    for (const update of alone) await store.appendUpdates(ONE_BY_ONE, [update]);
    const writtenAlone = (await sizeOf()) - beforeAlone;

    // 2. Every edit left in the log (no compaction ever ran): the worst case for loading.
    const before = await sizeOf();
    for (let i = 0; i < updates.length; i += BATCH) await store.appendUpdates(LOGGED, updates.slice(i, i + BATCH));
    const written = (await sizeOf()) - before;
    const logged = await median(() => openDocument(store, LOGGED));
    const compactStarted = performance.now();
    await store.compact(LOGGED);
    const compactMs = performance.now() - compactStarted;
    const snapshot = await median(() => openDocument(store, LOGGED));

    // 3. As the server stores them: group commits, compaction whenever 500 updates wait.
    let pending = 0;
    for (let i = 0; i < updates.length; i += BATCH) {
      await store.appendUpdates(SERVED, updates.slice(i, i + BATCH));
      pending += BATCH;
      if (pending >= COMPACT_AFTER) {
        await store.compact(SERVED);
        pending = 0;
      }
    }
    const served = await median(() => openDocument(store, SERVED));

    for (const result of [logged, snapshot, served]) if (result.chars !== text.length) throw new Error('documents differ');

    console.log(`settings: ${EDITS} single-character edits (1 in 10 a deletion), commits of ${BATCH}, compaction after ${COMPACT_AFTER}, ${storage.kind}, median of ${RUNS} opens (read the store, apply, encode for joiners)`);
    console.log(`update bytes: ${updateBytes} (${(updateBytes / EDITS).toFixed(1)} B/edit); table bytes added for the uncompacted log: ${written} (${(written / updateBytes).toFixed(2)}× the updates, row and index overhead included)`);
    console.log(`table bytes added when each of the first ${alone.length} edits is its own commit: ${writtenAlone} for ${aloneBytes} update bytes (${(writtenAlone / aloneBytes).toFixed(2)}×)`);
    console.log(`open, all ${EDITS} edits in the log: ${logged.ms.toFixed(1)} ms`);
    console.log(`compacting them: ${compactMs.toFixed(1)} ms`);
    console.log(`open, one compacted snapshot: ${snapshot.ms.toFixed(1)} ms`);
    console.log(`open, as the server stores them (snapshot + a short log): ${served.ms.toFixed(1)} ms`);
    console.log(`ratio served / snapshot: ${(served.ms / snapshot.ms).toFixed(2)} (goal ≤ 1.5); worst case log / snapshot: ${(logged.ms / snapshot.ms).toFixed(2)}`);
    writer.destroy();
  } finally {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
