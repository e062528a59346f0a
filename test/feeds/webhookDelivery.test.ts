import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import { type CreatedWebhook, type DeliveryPage, WebhookHeader } from '../../shared/api/webhooks.ts';
import { appendEvents } from '../../server/modules/ledger/index.ts';
import { openStorage } from '../../server/storage/database.ts';
import { ADMIN_ENV, adminClient, signUp } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { createBillWithArticles, ledgerOf, makeRapporteur } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient } from '../helpers/testServer.ts';
import { type Behaviour, closedPortUrl, Receiver, RestartableServer, signatureIsValid, WEBHOOK_TEST_ENV } from './feedFixtures.ts';

const MAX_ATTEMPTS = 4;
const TIMEOUT_MS = 3_000;

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`delivering webhooks on ${targetTitle(target)}`, () => {
    let server: RestartableServer;
    let admin: ApiClient;
    let newsroom: ApiClient;
    const receivers: Receiver[] = [];

    beforeAll(async () => {
      server = await RestartableServer.start(target, {
        ...ADMIN_ENV,
        ...WEBHOOK_TEST_ENV,
        WEBHOOKS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        WEBHOOKS_TIMEOUT_MS: String(TIMEOUT_MS),
      });
      admin = await adminClient(server.url);
      ({ client: newsroom } = await signUp(server.url));
    });
    afterEach(async () => {
      // Stop whatever a test registered, so that its receivers' retries do not outlive it.
      const { body } = await newsroom.get<{ webhooks: { id: string }[] }>('/webhooks');
      for (const hook of body.webhooks) await newsroom.delete(`/webhooks/${hook.id}`);
      await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    });
    afterAll(async () => {
      await server?.destroy();
    });

    async function receiver(behaviour?: Behaviour): Promise<Receiver> {
      const started = await Receiver.start(behaviour);
      receivers.push(started);
      return started;
    }

    async function register(billId: string, url: string, events?: string[]): Promise<CreatedWebhook> {
      const response = await newsroom.post<CreatedWebhook>(`/bills/${billId}/webhooks`, { url, ...(events ? { events } : {}) });
      if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    }

    const ask = async (client: ApiClient, billId: string, body: string) => {
      const response = await client.post(`/bills/${billId}/questions`, { body });
      if (response.status !== 201) throw new Error(`ask failed: ${response.status} ${JSON.stringify(response.body)}`);
    };
    const log = async (webhookId: string) => (await newsroom.get<DeliveryPage>(`/webhooks/${webhookId}/deliveries`)).body.deliveries;

    it('FEED5 each new entry of the bill reaches the receiver once, signed, in ledger order; votes only when asked for', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const everything = await receiver();
      const questionsOnly = await receiver();
      const all = await register(bill.id, everything.url);
      const filtered = await register(bill.id, questionsOnly.url, ['question.asked']);
      const { client: citizen } = await signUp(server.url);
      for (let i = 1; i <= 5; i += 1) await ask(citizen, bill.id, `Question numéro ${i} ?`);
      expect((await citizen.put(`/bills/${bill.id}/votes/article/${articleIds[0]}`, { value: 'agree' })).status).toBe(200);
      // Written without telling anyone (no live announcement): found by the dispatcher's own reading of the ledger.
      await makeRapporteur(server.url, admin, bill.id);
      await ask(citizen, bill.id, 'Dernière question ?');

      const expected = (await ledgerOf(admin, bill.id)).filter((entry) => entry.seq > all.cursor && !entry.type.startsWith('vote.'));
      expect(expected.map((entry) => entry.type)).toContain('rapporteur.granted');
      expect((await ledgerOf(admin, bill.id)).map((entry) => entry.type)).toContain('vote.cast');
      await waitFor(() => expect(everything.requests.length).toBe(expected.length), 10_000);
      await waitFor(() => expect(questionsOnly.requests.length).toBe(6), 10_000);

      const messages = everything.messages();
      expect(messages.map((message) => message.cursor)).toEqual(expected.map((entry) => entry.seq));
      expect(messages.map((message) => message.event)).toEqual(
        expected.map((entry: LedgerEvent) => ({ seq: entry.seq, id: entry.id, type: entry.type, at: entry.createdAt, actorId: entry.actorId, data: entry.payload })),
      );
      for (const [index, request] of everything.requests.entries()) {
        expect(signatureIsValid(request, all.secret)).toBe(true);
        expect(signatureIsValid(request, filtered.secret)).toBe(false);
        expect(request.headers[WebhookHeader.event]).toBe(expected[index]?.type);
        expect(request.headers['content-type']).toBe('application/json');
        expect(Math.abs(Number(request.headers[WebhookHeader.timestamp]) - Date.now() / 1000)).toBeLessThan(120);
      }
      expect(questionsOnly.messages().every((message) => message.event.type === 'question.asked')).toBe(true);
      expect(questionsOnly.requests.every((request) => signatureIsValid(request, filtered.secret))).toBe(true);

      // The log: newest first, each delivered at the first attempt, under the id the receiver saw (once the last answer is noted).
      await waitFor(async () => expect((await log(all.id)).every((delivery) => delivery.status === 'delivered')).toBe(true));
      const deliveries = await log(all.id);
      expect(deliveries.map((delivery) => delivery.seq)).toEqual(expected.map((entry) => entry.seq).reverse());
      expect(deliveries.map((delivery) => delivery.id)).toEqual(everything.requests.map((request) => request.headers[WebhookHeader.delivery]).reverse());
      for (const delivery of deliveries) {
        expect(delivery).toMatchObject({ status: 'delivered', nextAttemptAt: null });
        expect(delivery.attempts.map(({ attempt, statusCode, error }) => ({ attempt, statusCode, error }))).toEqual([{ attempt: 1, statusCode: 200, error: null }]);
        expect(Date.parse(delivery.attempts[0]?.at ?? '')).toBeLessThanOrEqual(Date.parse(delivery.completedAt ?? ''));
        expect(delivery.attempts[0]?.durationMs).toBeGreaterThanOrEqual(0);
      }
    });

    it('FEED6 a receiver failing twice gets the delivery at the third attempt; one failing every time is given up and the next entry goes', async () => {
      const { bill } = await createBillWithArticles(admin);
      const flaky = await receiver((_request, index) => (index === 0 ? 500 : index === 1 ? 503 : 200));
      const hook = await register(bill.id, flaky.url);
      await ask(admin, bill.id, 'Une question ?');
      await waitFor(() => expect(flaky.requests.length).toBe(3), 10_000);
      const [first, second, third] = flaky.requests;
      // The same delivery, body and signature scheme each time; waits that double (base 150 ms, ±10 %).
      expect(new Set(flaky.requests.map((request) => request.headers[WebhookHeader.delivery])).size).toBe(1);
      expect(new Set(flaky.requests.map((request) => request.body)).size).toBe(1);
      expect(flaky.requests.every((request) => signatureIsValid(request, hook.secret))).toBe(true);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(130);
      expect(third!.at - second!.at).toBeGreaterThanOrEqual(260);
      await waitFor(async () => expect((await log(hook.id))[0]?.status).toBe('delivered'));
      const [delivery] = await log(hook.id);
      expect(delivery?.attempts.map(({ attempt, statusCode, error }) => ({ attempt, statusCode, error }))).toEqual([
        { attempt: 1, statusCode: 500, error: 'answered 500' },
        { attempt: 2, statusCode: 503, error: 'answered 503' },
        { attempt: 3, statusCode: 200, error: null },
      ]);
      expect(delivery?.nextAttemptAt).toBeNull();

      // Every attempt at the first entry fails: after MAX_ATTEMPTS it is given up, then the second entry is delivered.
      const stubborn = await receiver((request) => (request.body.includes('Refusée') ? 500 : 200));
      const strict = await register(bill.id, stubborn.url, ['question.asked']);
      await ask(admin, bill.id, 'Refusée ?');
      await waitFor(async () => expect((await log(strict.id))[0]?.attempts.length).toBeGreaterThanOrEqual(1), 10_000);
      const pending = (await log(strict.id))[0];
      expect(pending?.status).toBe('pending');
      expect(Date.parse(pending?.nextAttemptAt ?? '')).toBeGreaterThan(Date.parse(pending?.attempts[0]?.at ?? ''));
      await ask(admin, bill.id, 'Acceptée ?');
      await waitFor(() => expect(stubborn.requests.length).toBe(MAX_ATTEMPTS + 1), 15_000);
      expect(stubborn.messages().map((message) => (message.event as { data: { body: string } }).data.body)).toEqual([
        ...Array<string>(MAX_ATTEMPTS).fill('Refusée ?'),
        'Acceptée ?',
      ]);
      await waitFor(async () => expect((await log(strict.id)).map((d) => [d.status, d.attempts.length])).toEqual([['delivered', 1], ['failed', MAX_ATTEMPTS]]));
    });

    it('FEED7 an unreachable receiver and one that never answers delay neither API requests nor other webhooks', async () => {
      const { bill } = await createBillWithArticles(admin);
      const silent = await receiver(() => 'hang');
      const good = await receiver();
      const hanging = await register(bill.id, silent.url);
      const unreachable = await register(bill.id, await closedPortUrl());
      await register(bill.id, good.url);

      const started = Date.now();
      await ask(admin, bill.id, 'Première ?');
      await waitFor(() => expect(silent.requests.length).toBe(1), 5_000);
      await waitFor(() => expect(good.requests.length).toBe(1), 5_000);
      expect(good.requests[0]!.at - started).toBeLessThan(TIMEOUT_MS);
      // While the silent receiver holds its request: the API answers at once, and the good receiver gets the next entry.
      const before = Date.now();
      expect((await admin.get(`/bills/${bill.id}`)).status).toBe(200);
      await ask(admin, bill.id, 'Seconde ?');
      expect(Date.now() - before).toBeLessThan(TIMEOUT_MS / 2);
      await waitFor(() => expect(good.requests.length).toBe(2), 5_000);
      expect(good.requests[1]!.at - silent.requests[0]!.at).toBeLessThan(TIMEOUT_MS);

      // Their own logs say what happened: refused connections, and a time-out after TIMEOUT_MS.
      await waitFor(async () => expect((await log(unreachable.id)).at(-1)?.attempts[0]?.error).toMatch(/ECONNREFUSED/), 10_000);
      await waitFor(async () => expect((await log(hanging.id)).at(-1)?.attempts[0]?.error).toBe(`no answer within ${TIMEOUT_MS} ms`), 10_000);
      const timedOut = (await log(hanging.id)).at(-1)?.attempts[0];
      expect(timedOut?.statusCode).toBeNull();
      expect(timedOut?.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    });

    it('FEED8 a restart resumes pending deliveries, entries written while no server ran included, in order', async () => {
      const { bill } = await createBillWithArticles(admin);
      let accept = false;
      // The first attempt fails, the second hangs until the server stops (that attempt is aborted, not logged).
      const flaky = await receiver((_request, index) => (accept ? 200 : index === 0 ? 503 : 'hang'));
      const hook = await register(bill.id, flaky.url);
      await ask(admin, bill.id, 'Avant l’arrêt ?');
      await ask(admin, bill.id, 'Juste avant l’arrêt ?');
      await waitFor(() => expect(flaky.requests.length).toBe(2), 10_000);
      await server.stop();

      // While it is down, another writer appends to the ledger directly.
      const storage = await openStorage(server.config.databaseUrl ? { databaseUrl: server.config.databaseUrl } : { dataDir: server.config.dataDir });
      await storage.db.transaction((tx) => appendEvents(tx, bill.id, [{ type: 'question.asked', actorId: null, payload: { questionId: 'offline', body: 'Hors ligne ?' } }]));
      await storage.close();

      accept = true;
      // On the same port: the clients' sessions (stored) go on working.
      await server.restart();
      await waitFor(() => expect(flaky.requests.length).toBe(5), 10_000);
      const bodies = flaky.messages().map((message) => (message.event as { data: { body: string } }).data.body);
      expect(bodies).toEqual(['Avant l’arrêt ?', 'Avant l’arrêt ?', 'Avant l’arrêt ?', 'Juste avant l’arrêt ?', 'Hors ligne ?']);
      await waitFor(async () => expect((await log(hook.id)).map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']));
      const first = (await log(hook.id)).at(-1);
      expect(first?.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 200]);
    });

    it.skipIf(target.name !== 'postgres')('FEED8 two nodes on one PostgreSQL deliver each entry once, in order', async () => {
      const { bill } = await createBillWithArticles(admin);
      const counting = await receiver();
      await register(bill.id, counting.url, ['question.asked']);
      const other = await server.startAnotherNode();
      try {
        const otherAdmin = await adminClient(other.url);
        for (let i = 0; i < 10; i += 1) await ask(i % 2 === 0 ? admin : otherAdmin, bill.id, `Question ${i} ?`);
        await waitFor(() => expect(counting.requests.length).toBe(10), 10_000);
        // Both nodes ran dispatch cycles meanwhile; nothing more comes.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(counting.requests.length).toBe(10);
        expect(counting.messages().map((message) => (message.event as { data: { body: string } }).data.body)).toEqual(
          Array.from({ length: 10 }, (_, i) => `Question ${i} ?`),
        );
      } finally {
        await other.close();
      }
    });
  });
}
