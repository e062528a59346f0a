import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV, adminClient } from '../helpers/apiFixtures.ts';
import pg from 'pg';
import type * as Y from 'yjs';
import { articleTexts, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { FROM_SERVER, RawCollabClient, SyncType, syncFrame } from '../helpers/rawCollabClient.ts';
import { type CollabBill, expectConverged, expectEachOnce, markersOf, ProviderPool, setupCollabBill, streamEdits } from '../helpers/collabEdits.ts';
import {
  type DedicatedRedis,
  killNode,
  redisServerSkipReason,
  restartNode,
  type ServerNode,
  SHARED_SECRET,
  stallAppends,
  startDedicatedRedis,
  startNode,
  stopNode,
} from '../helpers/collabProcesses.ts';
import { postgresTarget } from '../helpers/storageTargets.ts';
import type { ApiClient } from '../helpers/testServer.ts';

type Client = ReturnType<ProviderPool['connect']>;

// Needs a real PostgreSQL shared by both nodes, and a Redis of its own it may kill (never the machine's shared one).
const skipReason = postgresTarget.skipReason ?? redisServerSkipReason();

const title = 'COLLAB16 two server processes on one PostgreSQL and a dedicated Redis';

describe.skipIf(skipReason !== null)(skipReason ? `${title} (${skipReason}; needs TEST_DATABASE_URL and redis-server on PATH)` : title, () => {
  const clients = new ProviderPool();
  let redis: DedicatedRedis | undefined;
  let database: { url: string | undefined; drop(): Promise<void> } | undefined;
  let nodeA: ServerNode;
  let nodeB: ServerNode;
  let admin: ApiClient;

  beforeAll(async () => {
    redis = await startDedicatedRedis();
    database = await postgresTarget.freshDatabaseUrl();
    const env = { DATABASE_URL: database.url as string, REDIS_URL: redis.url, SECRET_KEY: SHARED_SECRET };
    // Only A creates the admin; both migrate under the advisory lock.
    [nodeA, nodeB] = await Promise.all([startNode({ ...env, ...ADMIN_ENV }), startNode(env)]);
    admin = await adminClient(nodeA.url);
  });
  afterEach(() => clients.destroyAll());
  afterAll(async () => {
    await Promise.all([killNode(nodeA), killNode(nodeB)]);
    await redis?.stop();
    await database?.drop();
  });

  /** A writer on `node`, with its own ticket (issued by A: the nodes share SECRET_KEY), once synced. */
  async function writerOn(node: ServerNode, bill: CollabBill): Promise<Client> {
    const writer = clients.connect(node.url, bill.document, (await ticketFor(bill.rapporteur, bill.document)).ticket);
    await synced(writer.provider);
    return writer;
  }

  /** An anonymous reader on `node`, once synced. */
  async function readerOn(node: ServerNode, bill: CollabBill): Promise<Client> {
    const reader = clients.connect(node.url, bill.document);
    await synced(reader.provider);
    return reader;
  }

  it('COLLAB16 edits typed on each node reach the clients of the other, and every replica ends equal', async () => {
    const bill = await setupCollabBill(nodeA.url, admin);
    const [writerA, writerB, readerB] = await Promise.all([writerOn(nodeA, bill), writerOn(nodeB, bill), readerOn(nodeB, bill)]);
    const streams = [streamEdits(writerA.doc, 'a', { count: 60 }), streamEdits(writerB.doc, 'b', { count: 60 })];
    await Promise.all(streams.map((stream) => stream.finished));
    const [fromA, fromB] = streams.map((stream) => stream.sent) as [string[], string[]];
    // A's edits reached B's clients and B's reached A's writer, through the bus.
    await waitFor(() => expect(markersOf(readerB.doc).filter((m) => fromA.includes(m))).toHaveLength(fromA.length), 10_000);
    await waitFor(() => expect(markersOf(writerA.doc).filter((m) => fromB.includes(m))).toHaveLength(fromB.length), 10_000);
    const replicas = [writerA.doc, writerB.doc, readerB.doc, await clients.fresh(nodeA.url, bill.document), await clients.fresh(nodeB.url, bill.document)];
    await expectConverged(replicas, [...fromA, ...fromB]);
  });

  it('COLLAB16 a node that never got a committed update (its node died between commit and publish) rereads it once a later update needs it', async () => {
    const bill = await setupCollabBill(nodeA.url, admin);
    const readerB = await readerOn(nodeB, bill);
    const raw = await RawCollabClient.open(nodeA.url, bill.document, { ticket: (await ticketFor(bill.rapporteur, bill.document)).ticket });
    raw.requestState();
    await raw.synced();
    const ours: Uint8Array[] = [];
    raw.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) ours.push(update);
    });
    const text = raw.doc.getArray<Y.Map<unknown>>('articles').get(0).get('text') as Y.Text;
    text.insert(0, 'PERDU ');
    // Stored as the dead node had stored it, but never announced on the bus.
    const store = new pg.Client({ connectionString: database?.url });
    await store.connect();
    await store.query(
      'insert into collab_commits (document_id, updates, update_count) select id, $2, 1 from collab_documents where name = $1',
      [bill.document, Buffer.from(ours.splice(0)[0] as Uint8Array)],
    );
    await store.end();
    text.insert(6, 'RETROUVÉ ');
    raw.send(syncFrame(SyncType.update, ours.splice(0)[0] as Uint8Array));
    // B cannot apply the second edit without the first: it must reread the store rather than freeze that text.
    await waitFor(() => expect(articleTexts(readerB.doc)[0]).toMatch(/^PERDU RETROUVÉ /), 8_000);
    raw.socket.close();
  });

  it('COLLAB16 a node killed (SIGKILL) amid a stream of edits loses nothing a client of the other node received', async () => {
    const bill = await setupCollabBill(nodeA.url, admin);
    const [writer, readerB] = await Promise.all([writerOn(nodeA, bill), readerOn(nodeB, bill)]);
    const stream = streamEdits(writer.doc, 'k', { count: 2_000, intervalMs: 12 });
    await waitFor(() => expect(markersOf(readerB.doc).length).toBeGreaterThanOrEqual(40), 10_000);
    // The edits typed from now on stay in flight on A (their commits wait on a lock) until A dies.
    const stall = await stallAppends(database?.url as string);
    const sentAtStall = stream.sent.length;
    await waitFor(() => stream.sent.length >= sentAtStall + 15);
    expect(await stopNode(nodeA, 'SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    await stall.release();
    await waitFor(() => stream.sent.length >= sentAtStall + 25); // typing on while A is down
    await stream.stop();
    writer.provider.disconnect(); // back only after the check: it would resend everything
    // B is still up and its reader connected: what it holds is all A ever relayed, and nothing uncommitted.
    const received = markersOf(readerB.doc);
    expect(received.length).toBeGreaterThanOrEqual(40);
    expect(received.filter((marker) => stream.sent.indexOf(marker) >= sentAtStall)).toEqual([]);

    nodeA = await restartNode(nodeA);
    const [loadedA, loadedB] = await Promise.all([clients.fresh(nodeA.url, bill.document), clients.fresh(nodeB.url, bill.document)]);
    for (const [doc, label] of [[loadedA, 'loaded from A'], [loadedB, 'loaded from B'], [readerB.doc, 'reader on B']] as const) {
      expectEachOnce(doc, received, label);
    }
    await expectConverged([loadedA, loadedB, readerB.doc], received);

    writer.provider.connect();
    await expectConverged([writer.doc, readerB.doc, loadedA, loadedB], stream.sent, 15_000);
    await expectConverged([writer.doc, await clients.fresh(nodeA.url, bill.document), await clients.fresh(nodeB.url, bill.document)], stream.sent);
  }, 45_000);

  it('COLLAB16 after Redis is killed and restarted amid edits on both nodes, every replica reconverges with every edit', async () => {
    const bill = await setupCollabBill(nodeA.url, admin);
    const [writerA, writerB, readerA, readerB] = await Promise.all([writerOn(nodeA, bill), writerOn(nodeB, bill), readerOn(nodeA, bill), readerOn(nodeB, bill)]);
    const streams = [streamEdits(writerA.doc, 'c', { count: 2_000 }), streamEdits(writerB.doc, 'd', { count: 2_000 })];
    const [fromA, fromB] = streams.map((stream) => stream.sent) as [string[], string[]];
    const crossed = () => markersOf(readerB.doc).filter((m) => m.startsWith('c')).length + markersOf(readerA.doc).filter((m) => m.startsWith('d')).length;
    await waitFor(() => expect(crossed()).toBeGreaterThanOrEqual(30), 10_000);

    await redis?.kill();
    const typedBefore = fromA.length + fromB.length;
    await waitFor(() => fromA.length + fromB.length >= typedBefore + 40); // both nodes store edits meanwhile
    await redis?.start();
    // Both nodes lost their subscriptions and got them back (which is when they reread the store).
    for (const node of [nodeA, nodeB]) {
      await waitFor(() => expect(node.process.stdout()).toMatch(/"connection":"subscriber","msg":"redis bus connection restored"/), 10_000);
    }
    const typedAfter = fromA.length + fromB.length;
    await waitFor(() => fromA.length + fromB.length >= typedAfter + 40);
    await Promise.all(streams.map((stream) => stream.stop()));

    const sent = [...fromA, ...fromB];
    await expectConverged([writerA.doc, writerB.doc, readerA.doc, readerB.doc], sent, 20_000);
    const fresh = [await clients.fresh(nodeA.url, bill.document), await clients.fresh(nodeB.url, bill.document)];
    await expectConverged([writerA.doc, ...fresh], sent);
  }, 45_000);
});
