import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedWebhook, Webhook } from '../../shared/api/webhooks.ts';
import { ADMIN_ENV, adminClient, createBill, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import type { LedgerPage } from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const MAX_PER_USER = 3;

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`registering webhooks on ${targetTitle(target)}`, () => {
    // Private addresses are refused here, as by default: only public URLs can be registered (none is ever called).
    let server: TestServer;
    let admin: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(target, { ...ADMIN_ENV, WEBHOOKS_MAX_PER_USER: String(MAX_PER_USER) });
      admin = await adminClient(server.url);
    });
    afterAll(async () => {
      await server?.stop();
    });

    const register = (client: ApiClient, billId: string, body: unknown) => client.post<CreatedWebhook>(`/bills/${billId}/webhooks`, body);
    const mine = async (client: ApiClient) => (await client.get<{ webhooks: Webhook[] }>('/webhooks')).body.webhooks;

    it('FEED4 a signed-in user registers a webhook and gets its secret once; lists, reads and deletes only their own', async () => {
      const bill = await createBill(admin);
      const { client: newsroom } = await signUp(server.url);
      const { client: other } = await signUp(server.url);
      const head = (await admin.get<LedgerPage>(`/bills/${bill.id}/events?last=1`)).body.cursor;

      const created = await register(newsroom, bill.id, { url: 'https://93.184.216.34/loi/hook', events: ['amendment.outcome', 'version.published', 'amendment.outcome'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ billId: bill.id, url: 'https://93.184.216.34/loi/hook', events: ['amendment.outcome', 'version.published'], cursor: head });
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const all = await register(newsroom, bill.id, { url: 'http://93.184.216.34/everything' });
      expect(all.body.events).toBeNull();

      // The secret is never shown again.
      const listed = await newsroom.get<{ webhooks: Webhook[] }>('/webhooks');
      expect(listed.body.webhooks.map((hook) => hook.id)).toEqual([all.body.id, created.body.id]);
      const one = await newsroom.get<Webhook>(`/webhooks/${created.body.id}`);
      expect(one.status).toBe(200);
      for (const text of [JSON.stringify(listed.body), JSON.stringify(one.body), JSON.stringify((await newsroom.get(`/webhooks/${created.body.id}/deliveries`)).body)]) {
        expect(text).not.toContain(created.body.secret);
        expect(text).not.toContain('secret');
      }

      // Someone else's webhook does not exist for them; anonymous callers must sign in.
      expectProblem(await other.get(`/webhooks/${created.body.id}`), 404, 'webhook_not_found');
      expectProblem(await other.get(`/webhooks/${created.body.id}/deliveries`), 404, 'webhook_not_found');
      expectProblem(await other.delete(`/webhooks/${created.body.id}`), 404, 'webhook_not_found');
      expect(await mine(other)).toEqual([]);
      const anonymous = new ApiClient(server.url);
      expectProblem(await register(anonymous, bill.id, { url: 'https://93.184.216.34/' }), 401, 'authentication_required');
      expectProblem(await anonymous.get('/webhooks'), 401, 'authentication_required');

      expect((await newsroom.delete(`/webhooks/${created.body.id}`)).status).toBe(204);
      expectProblem(await newsroom.get(`/webhooks/${created.body.id}`), 404, 'webhook_not_found');
      expect((await mine(newsroom)).map((hook) => hook.id)).toEqual([all.body.id]);
    });

    it('FEED4 bad input, an unknown bill and the per-user cap give problem JSON with stable ids and change nothing', async () => {
      const bill = await createBill(admin);
      const { client: newsroom } = await signUp(server.url);
      await register(newsroom, bill.id, { url: 'https://93.184.216.34/first' });
      const before = await mine(newsroom);

      for (const body of [
        {},
        { url: 'not a url' },
        { url: 'ftp://93.184.216.34/hook' },
        { url: 'javascript:alert(1)' },
        { url: 'https://user:password@93.184.216.34/hook' },
        { url: `https://93.184.216.34/${'a'.repeat(2_001)}` },
        { url: 'https://93.184.216.34/hook', events: [] },
        { url: 'https://93.184.216.34/hook', events: ['Not A Type'] },
        { url: 'https://93.184.216.34/hook', secret: 'mine' },
      ]) {
        expectProblem(await register(newsroom, bill.id, body), 400, 'validation_failed');
      }
      expectProblem(await register(newsroom, 'no-such-bill', { url: 'https://93.184.216.34/hook' }), 404, 'bill_not_found');
      expectProblem(await newsroom.get('/webhooks/no-such-webhook/deliveries'), 404, 'webhook_not_found');
      expect(await mine(newsroom)).toEqual(before);

      for (let i = before.length; i < MAX_PER_USER; i += 1) expect((await register(newsroom, bill.id, { url: `https://93.184.216.34/${i}` })).status).toBe(201);
      const full = await mine(newsroom);
      expectProblem(await register(newsroom, bill.id, { url: 'https://93.184.216.34/one-too-many' }), 409, 'too_many_webhooks');
      expect(await mine(newsroom)).toEqual(full);
    });

    it('FEED4 a URL whose host is or resolves to a loopback, private, link-local or reserved address, or does not resolve, is refused', async () => {
      const bill = await createBill(admin);
      const { client: newsroom } = await signUp(server.url);
      for (const url of [
        'http://127.0.0.1:8080/hook',
        'http://localhost/hook',
        'http://[::1]/hook',
        'http://[::ffff:127.0.0.1]/hook',
        'http://10.1.2.3/hook',
        'http://172.16.0.1/hook',
        'http://192.168.1.1/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://[fd00::1]/hook',
        'http://0.0.0.0/hook',
        'http://no-such-host.invalid/hook',
      ]) {
        const problem = expectProblem(await register(newsroom, bill.id, { url }), 422, 'webhook_url_refused');
        expect(problem.detail).toBeTruthy();
      }
      expect(await mine(newsroom)).toEqual([]);
    });
  });
}
