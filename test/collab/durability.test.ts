import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqlDocumentStore } from '../../server/collab/index.ts';
import { openStorage } from '../../server/storage/database.ts';
import { ADMIN_ENV } from '../helpers/apiFixtures.ts';
import { articleTexts, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { expectConverged, expectEachOnce, markersOf, ProviderPool, setupCollabBill, streamEdits } from '../helpers/collabEdits.ts';
import { killNode, restartNode, type ServerNode, SHARED_SECRET, stallAppends, startNode, stopNode } from '../helpers/collabProcesses.ts';
import { postgresTarget, targetTitle } from '../helpers/storageTargets.ts';

// More than the 500 updates after which a document's log is compacted into a snapshot.
const WRITERS = ['a', 'b', 'c', 'd'];
const EDITS_PER_WRITER = 130;

const clients = new ProviderPool();
const nodes: ServerNode[] = [];
/** Run after clients and nodes are gone: removing data directories, dropping databases. */
const finalizers: (() => Promise<void>)[] = [];

async function start(env: Record<string, string>): Promise<ServerNode> {
  const node = await startNode(env);
  nodes.push(node);
  return node;
}

async function restart(node: ServerNode): Promise<ServerNode> {
  const again = await restartNode(node);
  nodes.push(again);
  return again;
}

afterEach(async () => {
  clients.destroyAll();
  await Promise.all(nodes.splice(0).map((node) => killNode(node)));
  for (const finalize of finalizers.splice(0)) await finalize();
});

describe('collaboration durability across restarts', () => {
  it('COLLAB15 embedded: a restart after a clean stop gives exactly the text readers had; after a SIGKILL, every edit a reader had', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'loilive-durability-'));
    finalizers.push(() => rm(dataDir, { recursive: true, force: true }));
    const node = await start({ DATA_DIR: dataDir, ...ADMIN_ENV });
    const { rapporteur, document } = await setupCollabBill(node.url);
    const reader = clients.connect(node.url, document);
    const streams = await Promise.all(
      WRITERS.map(async (prefix) => {
        const writer = clients.connect(node.url, document, (await ticketFor(rapporteur, document)).ticket);
        await synced(writer.provider);
        return streamEdits(writer.doc, prefix, { count: EDITS_PER_WRITER, intervalMs: 12 });
      }),
    );
    await Promise.all(streams.map((stream) => stream.finished));
    const sent = streams.flatMap((stream) => stream.sent);
    expect(sent).toHaveLength(WRITERS.length * EDITS_PER_WRITER);
    await waitFor(() => expect(markersOf(reader.doc).length).toBe(sent.length), 15_000);
    expectEachOnce(reader.doc, sent, 'reader before the restart');
    const readerHad = articleTexts(reader.doc);
    clients.destroyAll(); // every client leaves; the data stays

    expect(await stopNode(node, 'SIGTERM')).toEqual({ code: 0, signal: null });
    const again = await restart(node);
    const reloaded = clients.connect(again.url, document);
    await synced(reloaded.provider);
    expect(articleTexts(reloaded.doc)).toEqual(readerHad);

    // Then the server dies (SIGKILL) while a writer types: what the reader received is on disk.
    const writer = clients.connect(again.url, document, (await ticketFor(rapporteur, document)).ticket);
    await synced(writer.provider);
    const stream = streamEdits(writer.doc, 'k', { count: 2_000, intervalMs: 12 });
    await waitFor(() => expect(markersOf(reloaded.doc).length).toBeGreaterThanOrEqual(sent.length + 40), 10_000);
    expect(await stopNode(again, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const received = markersOf(reloaded.doc);
    await stream.stop();
    clients.destroyAll();

    // Opened directly (the dead server's lock is taken over): the log was compacted in the background, and
    // snapshot plus log hold every edit the reader had, each once.
    const storage = await openStorage({ dataDir });
    try {
      const stored = await new SqlDocumentStore(storage.db).load(document);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates.length).toBeLessThan(sent.length);
      const rebuilt = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
      expectEachOnce(rebuilt, received, 'stored after the SIGKILL');
      expect(markersOf(rebuilt).filter((marker) => !received.includes(marker) && !stream.sent.includes(marker))).toEqual([]);
    } finally {
      await storage.close();
    }
  }, 60_000);

  describe.skipIf(postgresTarget.skipReason !== null)(`on ${targetTitle(postgresTarget)}`, () => {
    it('COLLAB15 a server killed (SIGKILL) amid a stream of edits keeps, once restarted, every edit a reader had received, each once', async () => {
      const database = await postgresTarget.freshDatabaseUrl();
      finalizers.push(() => database.drop());
      const node = await start({ DATABASE_URL: database.url as string, SECRET_KEY: SHARED_SECRET, ...ADMIN_ENV });
      const { rapporteur, document } = await setupCollabBill(node.url);
      const reader = clients.connect(node.url, document);
      const writer = clients.connect(node.url, document, (await ticketFor(rapporteur, document)).ticket);
      await Promise.all([synced(reader.provider), synced(writer.provider)]);

      const stream = streamEdits(writer.doc, 'k', { count: 2_000, intervalMs: 12 });
      await waitFor(() => expect(markersOf(reader.doc).length).toBeGreaterThanOrEqual(40), 10_000);
      // The edits typed from now on stay in flight (their commits wait on a lock) until the server dies.
      const stall = await stallAppends(database.url as string);
      const sentAtStall = stream.sent.length;
      await waitFor(() => stream.sent.length >= sentAtStall + 15);
      expect(await stopNode(node, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      await stall.release();
      reader.provider.disconnect();
      const received = markersOf(reader.doc);
      expect(received.length).toBeGreaterThanOrEqual(40);
      // COLLAB14: nothing that was not committed reached the reader.
      expect(received.filter((marker) => stream.sent.indexOf(marker) >= sentAtStall)).toEqual([]);
      await waitFor(() => stream.sent.length >= sentAtStall + 25); // the writer types on, offline
      await stream.stop();
      writer.provider.disconnect(); // back only after the check: it would resend everything

      const again = await restart(node);
      const reloaded = await clients.fresh(again.url, document);
      expectEachOnce(reloaded, received, 'reloaded document');
      // Nothing was invented either: every marker there is one the writer sent.
      expect(markersOf(reloaded).filter((marker) => !stream.sent.includes(marker))).toEqual([]);

      // The writer comes back and sends what the server never stored; every replica ends equal, each edit once.
      writer.provider.connect();
      reader.provider.connect();
      await expectConverged([writer.doc, reader.doc, reloaded], stream.sent, 15_000);
      await expectConverged([writer.doc, await clients.fresh(again.url, document)], stream.sent);
    }, 60_000);
  });
});
