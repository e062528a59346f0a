import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, createBill, expectProblem } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { appendEntries, expectRange, SseClient, startLiveServer, testEntries } from '../helpers/liveClients.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

describe.each(storageTargets)('live stream over Server-Sent Events on $name', (target) => {
  describe.skipIf(target.skipReason !== null)(targetTitle(target), () => {
    let server: TestServer;
    let admin: ApiClient;
    const streams: SseClient[] = [];

    beforeAll(async () => {
      server = await startLiveServer(target, { env: ADMIN_ENV, live: { sseHeartbeatMs: 200 } });
      admin = await adminClient(server.url);
    });
    afterEach(() => {
      for (const stream of streams.splice(0)) stream.close();
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function open(billId: string, options: { after?: number; lastEventId?: string } = {}): Promise<SseClient> {
      const stream = await SseClient.open(server.url, billId, options);
      streams.push(stream);
      return stream;
    }

    async function publish(bill: Bill, count: number, from: number): Promise<void> {
      server.app.live.published(bill.id, await appendEntries(server.app.storage.db, bill.id, testEntries(count, from)));
    }

    it('LIVE9 events arrive with id = cursor, event = type and the message as data, after a first `subscribed` event', async () => {
      const bill = await createBill(admin);
      const stream = await open(bill.id);
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await waitFor(() => expect(stream.frames).toHaveLength(1));
      expect(stream.frames[0]).toEqual({ id: '1', event: 'subscribed', data: JSON.stringify({ billId: bill.id, cursor: 1 }) });
      await publish(bill, 4, 1);
      await waitFor(() => expect(stream.seqs()).toHaveLength(4));
      expectRange(stream.seqs(), 2, 5);
      expect(stream.frames.slice(1).map((frame) => [frame.id, frame.event])).toEqual([
        ['2', 'test.noted'],
        ['3', 'test.noted'],
        ['4', 'test.noted'],
        ['5', 'test.noted'],
      ]);
      expect(stream.messages()[0]).toMatchObject({ billId: bill.id, cursor: 2, event: { seq: 2, type: 'test.noted', data: { n: 1 } } });
    });

    it('LIVE9 reconnecting with Last-Event-ID resumes after it without duplicate, and it wins over ?after=', async () => {
      const bill = await createBill(admin);
      const first = await open(bill.id, { after: 0 });
      await publish(bill, 3, 1);
      await waitFor(() => expect(first.seqs()).toEqual([1, 2, 3, 4]));
      first.close();
      const lastEventId = first.lastEventId();
      expect(lastEventId).toBe('4');
      await publish(bill, 5, 4); // while away
      const second = await open(bill.id, { after: 0, lastEventId });
      await publish(bill, 2, 9);
      await waitFor(() => expect(second.seqs()).toHaveLength(7));
      expectRange(second.seqs(), 5, 11);
      expect(second.frames[0]).toMatchObject({ id: '4', event: 'subscribed' });
      const third = await open(bill.id, { after: 9 });
      await waitFor(() => expect(third.seqs()).toEqual([10, 11]));
    });

    it('LIVE9 comment heartbeats keep an idle stream open; an unknown bill is a 404 problem, a bad or future cursor a 400', async () => {
      const bill = await createBill(admin);
      const idle = await open(bill.id);
      await waitFor(() => expect(idle.comments).toBeGreaterThanOrEqual(2), 3_000);
      expect(idle.ended).toBe(false);

      const unknown = await open('no-such-bill');
      expectProblem({ status: unknown.response.status, body: await unknown.response.json(), headers: unknown.response.headers }, 404, 'bill_not_found');
      for (const options of [{ lastEventId: 'abc' }, { lastEventId: '-1' }, { after: 99 }]) {
        const refused = await open(bill.id, options);
        expectProblem({ status: refused.response.status, body: await refused.response.json(), headers: refused.response.headers }, 400, 'validation_failed');
      }
      const badQuery = await fetch(`${server.url}/api/v1/bills/${bill.id}/live?after=x`);
      expectProblem({ status: badQuery.status, body: await badQuery.json(), headers: badQuery.headers }, 400, 'validation_failed');
      // The server still streams.
      await publish(bill, 1, 1);
      await waitFor(() => expect(idle.seqs()).toEqual([2]));
    });

    it('LIVE9 the SSE endpoint is described in the OpenAPI document', async () => {
      const response = await admin.get<{ paths: Record<string, { get?: { summary?: string } }> }>('/openapi.json');
      expect(response.body.paths['/bills/{id}/live']?.get?.summary).toMatch(/Server-Sent Events/);
    });
  });
});
