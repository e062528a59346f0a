import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, createBill, makeParliamentarian } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { appendEntries, expectRange, LiveClient, startLiveServer, testEntries } from '../helpers/liveClients.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

describe.each(storageTargets)('live stream over socket.io on $name', (target) => {
  describe.skipIf(target.skipReason !== null)(targetTitle(target), () => {
    let server: TestServer;
    let admin: ApiClient;
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      server = await startLiveServer(target, { env: ADMIN_ENV });
      admin = await adminClient(server.url);
    });
    afterEach(() => {
      for (const client of clients.splice(0)) client.close();
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function connect(): Promise<LiveClient> {
      const client = await LiveClient.connect(server.url);
      clients.push(client);
      return client;
    }

    /** Appends entries as a use case would, and tells the live stream after the commits. */
    async function publish(bill: Bill, count: number, from: number): Promise<void> {
      const entries = await appendEntries(server.app.storage.db, bill.id, testEntries(count, from));
      server.app.live.published(bill.id, entries);
    }

    it('LIVE1 entries announced by their writer reach every subscriber of the bill in seq order, once, with their data; another bill’s do not', async () => {
      const [bill, other] = [await createBill(admin), await createBill(admin)];
      const [first, second] = [await connect(), await connect()];
      const acks = await Promise.all([first.subscribe(bill.id), second.subscribe(bill.id)]);
      expect(acks).toEqual([{ ok: true, cursor: 1 }, { ok: true, cursor: 1 }]); // bill.created is entry 1
      await publish(bill, 30, 1);
      await publish(other, 5, 1);
      for (const client of [first, second]) {
        await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(30));
        expectRange(client.seqs(bill.id), 2, 31);
        expect(client.entries(bill.id)[0]).toMatchObject({ seq: 2, type: 'test.noted', actorId: null, data: { n: 1 } });
        expect(client.of(bill.id).every((message) => message.cursor === (message.event as { seq: number }).seq)).toBe(true);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(first.of(other.id)).toEqual([]);
      expect(first.seqs(bill.id)).toHaveLength(30);
    });

    it('LIVE4 entries written by use cases that announce nothing (naming a rapporteur over HTTP) arrive through the head check', async () => {
      const bill = await createBill(admin);
      const depute = await makeParliamentarian(server.url, admin);
      const client = await connect();
      expect(await client.subscribe(bill.id)).toEqual({ ok: true, cursor: 1 });
      for (let round = 0; round < 3; round += 1) {
        expect((await admin.put(`/bills/${bill.id}/rapporteurs/${depute.id}`)).status).toBe(204);
        expect((await admin.delete(`/bills/${bill.id}/rapporteurs/${depute.id}`)).status).toBe(204);
      }
      await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(6), 8_000);
      expectRange(client.seqs(bill.id), 2, 7);
      expect(client.entries(bill.id).map((event) => event.type)).toEqual(['rapporteur.granted', 'rapporteur.revoked', 'rapporteur.granted', 'rapporteur.revoked', 'rapporteur.granted', 'rapporteur.revoked']);
      expect(client.entries(bill.id)[0]?.data).toEqual({ userId: depute.id });
    });

    it('LIVE4 entries announced out of order, or with some announcements lost, still arrive in seq order, once', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      await client.subscribe(bill.id);
      const entries = await appendEntries(server.app.storage.db, bill.id, testEntries(12, 1));
      // Announced backwards, twice over, with entries 5 and 9 never announced.
      const announced = entries.filter((entry) => entry.seq !== 6 && entry.seq !== 10).reverse();
      for (const entry of announced) server.app.live.published(bill.id, [entry]);
      server.app.live.published(bill.id, announced);
      await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(12));
      expectRange(client.seqs(bill.id), 2, 13);
    });

    it('LIVE2 without `after` a subscription gets only what comes next; with `after` it replays the entries after it, then goes live', async () => {
      const bill = await createBill(admin);
      await publish(bill, 10, 1); // entries 2..11, before anyone subscribes
      const fresh = await connect();
      const replaying = await connect();
      expect(await fresh.subscribe(bill.id)).toEqual({ ok: true, cursor: 11 });
      expect(await replaying.subscribe(bill.id, 4)).toEqual({ ok: true, cursor: 4 });
      await waitFor(() => expect(replaying.seqs(bill.id)).toHaveLength(7));
      await publish(bill, 3, 11);
      await waitFor(() => expect(replaying.seqs(bill.id)).toHaveLength(10));
      await waitFor(() => expect(fresh.seqs(bill.id)).toHaveLength(3));
      expectRange(replaying.seqs(bill.id), 5, 14);
      expectRange(fresh.seqs(bill.id), 12, 14);
    });

    it('LIVE2 a replay that switches to live while entries are being appended has no duplicate and no gap', async () => {
      const bill = await createBill(admin);
      await publish(bill, 450, 1); // entries 2..451: a replay of several pages
      // A burst appended while the subscribers replay (every other entry announced, the rest found by the stream).
      const burst = (async () => {
        for (let index = 0; index < 60; index += 1) {
          const entries = await appendEntries(server.app.storage.db, bill.id, testEntries(1, 451 + index));
          if (index % 2 === 0) server.app.live.published(bill.id, entries);
        }
      })();
      const subscribers = await Promise.all([0, 0, 200, 451].map(async (after) => ({ after, client: await connect() })));
      const acks = await Promise.all(subscribers.map(({ after, client }) => client.subscribe(bill.id, after)));
      expect(acks.every((ack) => ack.ok)).toBe(true);
      await burst;
      for (const { after, client } of subscribers) {
        await waitFor(() => expect(client.seqs(bill.id).at(-1)).toBe(511), 10_000);
        expectRange(client.seqs(bill.id), after + 1, 511);
      }
    });

    it('LIVE3 a client that reconnects with the cursor of its last message gets every entry it missed, in order, once', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      await client.subscribe(bill.id);
      await publish(bill, 5, 1);
      await waitFor(() => expect(client.seqs(bill.id)).toHaveLength(5));
      const cursor = client.cursor(bill.id);
      client.close();
      await publish(bill, 7, 6); // missed while away
      const back = await connect();
      expect(await back.subscribe(bill.id, cursor)).toEqual({ ok: true, cursor });
      await publish(bill, 3, 13);
      await waitFor(() => expect(back.seqs(bill.id)).toHaveLength(10));
      expectRange(back.seqs(bill.id), cursor + 1, cursor + 10);
      expectRange([...client.seqs(bill.id), ...back.seqs(bill.id)], 2, 16);
    });

    it('LIVE1 after `unsubscribe` a client gets nothing more of that bill, and subscribing again to a bill replaces the earlier subscription', async () => {
      const [bill, other] = [await createBill(admin), await createBill(admin)];
      const client = await connect();
      await client.subscribe(bill.id);
      await client.subscribe(other.id);
      expect(await client.raw('unsubscribe', { billId: bill.id })).toEqual({ ok: true });
      await publish(bill, 3, 1);
      await publish(other, 2, 1);
      await waitFor(() => expect(client.seqs(other.id)).toHaveLength(2));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.seqs(bill.id)).toEqual([]);
      // Subscribing again (here from the start) replaces the subscription: later entries come once, not twice.
      await client.subscribe(other.id, 0);
      await waitFor(() => expect(client.seqs(other.id)).toEqual([2, 3, 1, 2, 3]));
      await publish(other, 1, 3);
      await waitFor(() => expect(client.seqs(other.id)).toEqual([2, 3, 1, 2, 3, 4]));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.seqs(other.id)).toEqual([2, 3, 1, 2, 3, 4]);
    });
  });
});
