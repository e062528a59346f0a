import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, createBill } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { appendEntries, LiveClient, SseClient, startLiveServer, testEntries } from '../helpers/liveClients.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storageTargets)('live stream input checks on $name', (target) => {
  describe.skipIf(target.skipReason !== null)(targetTitle(target), () => {
    let server: TestServer;
    let admin: ApiClient;
    let stopped = false;
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      server = await startLiveServer(target, {
        env: { ...ADMIN_ENV, PUBLIC_ORIGIN: 'https://loi.example.org' },
        live: { maxSubscriptionsPerSocket: 3, maxMessageBytes: 2_048 },
      });
      admin = await adminClient(server.url);
    });
    afterEach(() => {
      for (const client of clients.splice(0)) client.close();
    });
    afterAll(async () => {
      if (!stopped) await server?.stop();
    });

    async function connect(): Promise<LiveClient> {
      const client = await LiveClient.connect(server.url);
      clients.push(client);
      return client;
    }

    async function publish(bill: Bill, count: number, from: number): Promise<void> {
      server.app.live.published(bill.id, await appendEntries(server.app.storage.db, bill.id, testEntries(count, from)));
    }

    it('LIVE10 invalid subscribe and unsubscribe payloads are refused with validation_failed and change nothing', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      const invalid: unknown[] = [
        undefined,
        null,
        'bill',
        42,
        [],
        {},
        { billId: '' },
        { billId: 'x'.repeat(101) },
        { billId: 7 },
        { billId: bill.id, after: -1 },
        { billId: bill.id, after: 1.5 },
        { billId: bill.id, after: '1' },
        { billId: bill.id, after: 2 ** 31 },
        { billId: bill.id, extra: true },
      ];
      for (const payload of invalid) {
        const answer = (await client.raw('subscribe', payload)) as { message?: unknown };
        expect(answer).toMatchObject({ ok: false, code: 'validation_failed' });
        expect(typeof answer.message).toBe('string');
      }
      for (const payload of [null, {}, { billId: '' }, { billId: bill.id, after: 1 }]) {
        expect(await client.raw('unsubscribe', payload)).toMatchObject({ ok: false, code: 'validation_failed' });
      }
      await publish(bill, 2, 1);
      await sleep(300);
      expect(client.messages).toEqual([]);
      // The same connection still works.
      expect(await client.subscribe(bill.id, 0)).toEqual({ ok: true, cursor: 0 });
      await waitFor(() => expect(client.seqs(bill.id)).toEqual([1, 2, 3]));
    });

    it('LIVE10 an unknown bill gets bill_not_found, a cursor past the head validation_failed', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      expect(await client.subscribe('no-such-bill')).toMatchObject({ ok: false, code: 'bill_not_found' });
      expect(await client.subscribe('no-such-bill', 0)).toMatchObject({ ok: false, code: 'bill_not_found' });
      const future = await client.subscribe(bill.id, 2);
      expect(future).toMatchObject({ ok: false, code: 'validation_failed' });
      expect(future.ok ? '' : future.message).toMatch(/after/);
      expect(await client.subscribe(bill.id, 1)).toEqual({ ok: true, cursor: 1 });
    });

    it('LIVE10 a request without an ack callback is ignored, and the server stays up', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      (client.socket as unknown as { emit(event: string, payload: unknown): void }).emit('subscribe', { billId: bill.id });
      (client.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit('subscribe', { billId: bill.id }, 'not a function');
      (client.socket as unknown as { emit(event: string, payload: unknown): void }).emit('no-such-event', { billId: bill.id });
      await publish(bill, 2, 1);
      await sleep(300);
      expect(client.messages).toEqual([]);
      expect(client.socket.connected).toBe(true);
      expect(await client.subscribe(bill.id, 1)).toEqual({ ok: true, cursor: 1 });
      await waitFor(() => expect(client.seqs(bill.id)).toEqual([2, 3]));
    });

    it('LIVE10 a connection follows at most the configured number of bills (resubscribing one is not another); oversized messages close only that socket', async () => {
      const bills = await Promise.all([1, 2, 3, 4].map(() => createBill(admin)));
      const client = await connect();
      for (const bill of bills.slice(0, 3)) expect((await client.subscribe(bill.id)).ok).toBe(true);
      expect(await client.subscribe(bills[0]!.id, 0)).toEqual({ ok: true, cursor: 0 });
      expect(await client.subscribe(bills[3]!.id)).toMatchObject({ ok: false, code: 'too_many_subscriptions' });
      expect(await client.raw('unsubscribe', { billId: bills[1]!.id })).toEqual({ ok: true });
      expect((await client.subscribe(bills[3]!.id)).ok).toBe(true);

      const hostile = await connect();
      const closed = new Promise((resolve) => hostile.socket.once('disconnect', resolve));
      hostile.socket.emit('subscribe', { billId: 'x'.repeat(10_000) }, () => undefined);
      expect(await closed).toBe('transport close');
      // Everyone else is unaffected.
      await publish(bills[3]!, 1, 1);
      await waitFor(() => expect(client.seqs(bills[3]!.id)).toEqual([2]));
    });

    it('LIVE10 with PUBLIC_ORIGIN set, a browser of another origin cannot open a live socket', async () => {
      await expect(LiveClient.connect(server.url, { origin: 'https://evil.example' })).rejects.toThrow();
      const client = await LiveClient.connect(server.url, { origin: 'https://loi.example.org' });
      clients.push(client);
      expect(client.socket.connected).toBe(true);
    });

    it('LIVE11 at shutdown every subscription ends with server_shutdown (socket.io `ended`, SSE `ended` event)', async () => {
      const bill = await createBill(admin);
      const client = await connect();
      await client.subscribe(bill.id);
      const sse = await SseClient.open(server.url, bill.id);
      await waitFor(() => expect(sse.frames).toHaveLength(1));
      stopped = true;
      const stopping = server.stop();
      await waitFor(() => expect(client.ended).toEqual([{ billId: bill.id, reason: 'server_shutdown' }]));
      await waitFor(() => expect(sse.ended).toBe(true));
      expect(sse.frames.at(-1)).toEqual({ id: undefined, event: 'ended', data: JSON.stringify({ reason: 'server_shutdown' }) });
      await stopping;
      sse.close();
    });
  });
});
