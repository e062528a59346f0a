import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { openStorage, type Storage } from '../../server/storage/database.ts';
import { ADMIN_ENV, adminClient, createBill, makeParliamentarian } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { type DedicatedRedis, killNode, redisServerSkipReason, type ServerNode, SHARED_SECRET, startDedicatedRedis, startNode } from '../helpers/collabProcesses.ts';
import { appendEntries, expectRange, LiveClient, startLiveServer, testEntries } from '../helpers/liveClients.ts';
import { postgresTarget } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

// Needs a real PostgreSQL shared by both nodes, and a Redis of its own it may kill (never the machine's shared one).
const skipReason = postgresTarget.skipReason ?? redisServerSkipReason();
const needs = '; needs TEST_DATABASE_URL and redis-server on PATH';

describe.skipIf(skipReason !== null)(`LIVE5 two server processes on one PostgreSQL and a dedicated Redis${skipReason ? ` (${skipReason}${needs})` : ''}`, () => {
  let redis: DedicatedRedis | undefined;
  let database: { url: string | undefined; drop(): Promise<void> } | undefined;
  let storage: Storage | undefined;
  let nodeA: ServerNode | undefined;
  let nodeB: ServerNode | undefined;
  let admin: ApiClient;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redis = await startDedicatedRedis();
    database = await postgresTarget.freshDatabaseUrl();
    const env = { DATABASE_URL: database.url as string, REDIS_URL: redis.url, SECRET_KEY: SHARED_SECRET };
    nodeA = await startNode({ ...env, ...ADMIN_ENV });
    nodeB = await startNode(env);
    admin = await adminClient(nodeA.url);
    // A writer outside both nodes (as a third node would be), for entries appended while Redis is down.
    storage = await openStorage({ databaseUrl: database.url as string });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await Promise.all([killNode(nodeA), killNode(nodeB)]);
    await storage?.close();
    await redis?.stop();
    await database?.drop();
  });

  async function subscribedOn(node: ServerNode, bill: Bill): Promise<LiveClient> {
    const client = await LiveClient.connect(node.url);
    clients.push(client);
    expect(await client.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
    return client;
  }

  it('LIVE5 entries produced on node A reach socket.io clients on node B; after a Redis restart mid-stream they still get every entry in order, once', async () => {
    const bill = await createBill(admin);
    const depute = await makeParliamentarian(nodeA!.url, admin);
    const [onB, alsoOnB, onA] = [await subscribedOn(nodeB!, bill), await subscribedOn(nodeB!, bill), await subscribedOn(nodeA!, bill)];
    const rapporteur = `/bills/${bill.id}/rapporteurs/${depute.id}`;
    for (let round = 0; round < 4; round += 1) {
      expect((await admin.put(rapporteur)).status).toBe(204);
      expect((await admin.delete(rapporteur)).status).toBe(204);
    }
    await waitFor(() => expect(onB.seqs(bill.id)).toHaveLength(8), 10_000);

    await redis!.kill();
    await appendEntries(storage!.db, bill.id, testEntries(10, 1)); // entries 10..19, written while Redis is down
    await redis!.start();
    await waitFor(() => expect(nodeB!.process.stdout()).toMatch(/"msg":"live: redis connection restored"/), 15_000);
    for (let round = 0; round < 3; round += 1) {
      expect((await admin.put(rapporteur)).status).toBe(204);
      expect((await admin.delete(rapporteur)).status).toBe(204);
    }
    for (const client of [onB, alsoOnB, onA]) {
      await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(24), 15_000);
      expectRange(client.seqs(bill.id), 2, 25);
    }
    expect(onB.entries(bill.id).map((event) => event.type).slice(7, 10)).toEqual(['rapporteur.revoked', 'test.noted', 'test.noted']);
  }, 60_000);
});

describe.skipIf(skipReason !== null)(`LIVE5 relay between two nodes, head checks off${skipReason ? ` (${skipReason}${needs})` : ''}`, () => {
  let redis: DedicatedRedis | undefined;
  let database: { url: string | undefined; drop(): Promise<void> } | undefined;
  let serverA: TestServer | undefined;
  let serverB: TestServer | undefined;
  let admin: ApiClient;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    redis = await startDedicatedRedis();
    database = await postgresTarget.freshDatabaseUrl();
    const env = { REDIS_URL: redis.url, SECRET_KEY: SHARED_SECRET };
    // Without head checks, only the relay (and the rereads after a Redis reconnect) can bring A's entries to B.
    const live = { headCheckMs: 3_600_000 };
    serverA = await startLiveServer(postgresTarget, { databaseUrl: database.url, env: { ...env, ...ADMIN_ENV }, live });
    serverB = await startLiveServer(postgresTarget, { databaseUrl: database.url, env, live });
    admin = await adminClient(serverA.url);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await serverA?.stop();
    await serverB?.stop();
    await redis?.stop();
    await database?.drop();
  });

  async function publishOnA(bill: Bill, count: number, from: number): Promise<void> {
    serverA!.app.live.published(bill.id, await appendEntries(serverA!.app.storage.db, bill.id, testEntries(count, from)));
  }

  it('LIVE5 entries announced on node A are relayed to node B’s clients at once; entries written while Redis is down are reread when it is back', async () => {
    const bill = await createBill(admin);
    const client = await LiveClient.connect(serverB!.url);
    clients.push(client);
    expect(await client.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
    const started = Date.now();
    await publishOnA(bill, 20, 1);
    await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(20), 3_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    expectRange(client.seqs(bill.id), 2, 21);

    await redis!.kill();
    // Not announced at all (as if their relay were lost): only B's reread after its Redis reconnection can find them.
    await appendEntries(serverA!.app.storage.db, bill.id, testEntries(10, 21));
    await redis!.start();
    await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(30), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // let every Redis connection of both nodes come back
    await publishOnA(bill, 5, 31);
    await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(35), 5_000);
    expectRange(client.seqs(bill.id), 2, 36);
  }, 60_000);
});
