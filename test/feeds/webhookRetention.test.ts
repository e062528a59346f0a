/**
 * FEED9 over real HTTP and a real store: the delivery log keeps finished deliveries for WEBHOOKS_LOG_RETENTION_DAYS,
 * then the dispatcher deletes them with their attempts; pending deliveries stay whatever their age.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWebhook, DeliveryPage } from '../../shared/api/webhooks.ts';
import { webhookAttempts, webhookDeliveries } from '../../server/storage/schema.ts';
import { ADMIN_ENV, adminClient, signUp } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { createBillWithArticles } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient } from '../helpers/testServer.ts';
import { Receiver, RestartableServer, WEBHOOK_TEST_ENV } from './feedFixtures.ts';

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`webhook delivery log retention on ${targetTitle(target)}`, () => {
    let server: RestartableServer;
    let admin: ApiClient;
    let newsroom: ApiClient;
    const receivers: Receiver[] = [];

    beforeAll(async () => {
      // Sweeps every 200 ms instead of every hour; attempts given up after two tries.
      server = await RestartableServer.start(
        target,
        // A receiver that never answers holds its delivery pending for the whole test (a minute's time-out).
        { ...ADMIN_ENV, ...WEBHOOK_TEST_ENV, WEBHOOKS_MAX_ATTEMPTS: '2', WEBHOOKS_TIMEOUT_MS: '60000', WEBHOOKS_LOG_RETENTION_DAYS: '7' },
        { pruneEveryMs: 200 },
      );
      admin = await adminClient(server.url);
      ({ client: newsroom } = await signUp(server.url));
    });
    afterAll(async () => {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      await server?.destroy();
    });

    const register = async (billId: string, url: string): Promise<CreatedWebhook> => {
      const response = await newsroom.post<CreatedWebhook>(`/bills/${billId}/webhooks`, { url, events: ['question.asked'] });
      expect(response.status).toBe(201);
      return response.body;
    };
    const log = async (webhookId: string) => (await newsroom.get<DeliveryPage>(`/webhooks/${webhookId}/deliveries`)).body.deliveries;

    it('FEED9 finished deliveries older than the retention go with their attempts; recent and pending ones stay', async () => {
      const { bill } = await createBillWithArticles(admin);
      const [welcoming, refusing, silent] = await Promise.all([
        Receiver.start(() => 200),
        Receiver.start(() => 500),
        Receiver.start(() => 'hang'),
      ]);
      receivers.push(welcoming, refusing, silent);
      const hooks = await Promise.all([welcoming, refusing, silent].map((receiver) => register(bill.id, receiver.url)));
      for (const body of ['Ancienne ?', 'Récente ?']) expect((await admin.post(`/bills/${bill.id}/questions`, { body })).status).toBe(201);
      await waitFor(async () => {
        expect((await log(hooks[0]!.id)).map((delivery) => delivery.status)).toEqual(['delivered', 'delivered']);
        expect((await log(hooks[1]!.id)).map((delivery) => delivery.status)).toEqual(['failed', 'failed']);
        expect((await log(hooks[2]!.id)).map((delivery) => delivery.status)).toEqual(['pending', 'pending']);
      }, 15_000);

      // The first question's deliveries finished eight days ago (a pending one has no end: it keeps its age).
      const { db } = server.running.storage;
      const [olderSeq, recentSeq] = (await log(hooks[0]!.id)).map((delivery) => delivery.seq).sort((a, b) => a - b);
      const first = await db
        .select({ id: webhookDeliveries.id, status: webhookDeliveries.status })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.seq, olderSeq!));
      expect(first).toHaveLength(3);
      await db
        .update(webhookDeliveries)
        .set({ completedAt: sql`now() - interval '8 days'`, createdAt: sql`now() - interval '8 days'` })
        .where(inArray(webhookDeliveries.id, first.filter((delivery) => delivery.status !== 'pending').map((delivery) => delivery.id)));
      await db
        .update(webhookDeliveries)
        .set({ createdAt: sql`now() - interval '8 days'` })
        .where(inArray(webhookDeliveries.id, first.filter((delivery) => delivery.status === 'pending').map((delivery) => delivery.id)));

      await waitFor(async () => expect((await log(hooks[0]!.id)).length).toBe(1), 10_000);
      const kept = async (webhookId: string) => (await log(webhookId)).map((delivery) => [delivery.status, delivery.seq]);
      expect(await kept(hooks[0]!.id)).toEqual([['delivered', recentSeq]]);
      expect(await kept(hooks[1]!.id)).toEqual([['failed', recentSeq]]);
      expect(await kept(hooks[2]!.id)).toEqual([
        ['pending', recentSeq],
        ['pending', olderSeq],
      ]);
      const gone = first.filter((delivery) => delivery.status !== 'pending').map((delivery) => delivery.id);
      expect(await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, gone))).toEqual([]);
    });
  });
}
