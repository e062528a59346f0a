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
const BATCH = 1_000;
const RUNS = 5;
const DOC = 'bill:cold-load-bench';

/** Opens a document the way the registry does: read the store, apply everything, encode the state for joiners. */
async function openDocument(store: SqlDocumentStore): Promise<{ ms: number; chars: number }> {
  const started = performance.now();
  const stored = await store.load(DOC);
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
      (await queryRows<{ bytes: string }>(storage.db, sql`select pg_total_relation_size('collab_updates') + pg_total_relation_size('collab_snapshots') as bytes`))[0]
        ?.bytes ?? '0';
    const before = Number(await sizeOf());
    for (let i = 0; i < updates.length; i += BATCH) await store.appendUpdates(DOC, updates.slice(i, i + BATCH));
    const written = Number(await sizeOf()) - before;

    const log = await median(() => openDocument(store));
    const compactStarted = performance.now();
    await store.compact(DOC);
    const compactMs = performance.now() - compactStarted;
    const snapshot = await median(() => openDocument(store));
    if (log.chars !== snapshot.chars || log.chars !== text.length) throw new Error('documents differ');

    console.log(`settings: ${EDITS} edits (1 in 10 a deletion), stored in batches of ${BATCH}, ${storage.kind}, median of ${RUNS} opens`);
    console.log(`update bytes: ${updateBytes} (${(updateBytes / EDITS).toFixed(1)} B/edit); table bytes added: ${written} (${(written / updateBytes).toFixed(2)}× the updates, row and index overhead included)`);
    console.log(`open with ${EDITS} logged edits: ${log.ms.toFixed(1)} ms`);
    console.log(`compaction: ${compactMs.toFixed(1)} ms`);
    console.log(`open from one snapshot: ${snapshot.ms.toFixed(1)} ms`);
    console.log(`ratio log / snapshot: ${(log.ms / snapshot.ms).toFixed(2)} (goal ≤ 1.5 with background compaction keeping the log short)`);
    writer.destroy();
  } finally {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
