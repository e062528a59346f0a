import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contributor } from '../../shared/api/contributions.ts';
import type { Me } from '../../shared/api/users.ts';
import { ADMIN_ENV, adminClient, expectProblem, PASSWORD, uniqueEmail } from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

type Found = { users: Contributor[] };

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`finding people by name on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let searcher: ApiClient;
    // A word no other suite's names hold, so results are exactly the accounts made here.
    const tag = `Zq${randomUUID().slice(0, 6)}`;

    async function account(displayName: string, extra: Record<string, unknown> = {}): Promise<Me> {
      const response = await new ApiClient(server.url).post<Me>('/auth/signup', { email: uniqueEmail('search'), password: PASSWORD, displayName, ...extra });
      if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    }
    const search = (query: string) => searcher.get<Found>(`/users?${query}`);

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      searcher = new ApiClient(server.url);
      await searcher.post('/auth/signup', { email: uniqueEmail('searcher'), password: PASSWORD, displayName: 'Searcher' });
    });
    afterAll(() => server?.stop());

    it('AUTH9 finds people by part of their name, case-insensitively, names starting with it first, as public badges only', async () => {
      const middle = await account(`Alice ${tag} Martin`);
      const first = await account(`${tag} Bernard`);
      const organisation = await account(`${tag} Association`, { kind: 'organisation', organisationRegister: 'H987654321' });
      const response = await search(`q=${encodeURIComponent(tag.toLowerCase())}`);
      expect(response.status).toBe(200);
      // Starting with the query first (alphabetically among them), then the others.
      expect(response.body.users.map((user) => user.id)).toEqual([organisation.id, first.id, middle.id]);
      expect(response.body.users[0]).toEqual({
        id: organisation.id,
        displayName: `${tag} Association`,
        kind: 'organisation',
        role: 'organisation',
        organisationRegister: 'H987654321',
      });
      expect(response.body.users[1]).toEqual({ id: first.id, displayName: `${tag} Bernard`, kind: 'citizen', role: 'citizen', organisationRegister: null });
      // No e-mail, nothing but the badge.
      for (const user of response.body.users) expect(Object.keys(user).sort()).toEqual(['displayName', 'id', 'kind', 'organisationRegister', 'role']);
    });

    it('AUTH9 the badge follows the role: a parliamentarian is an official', async () => {
      const depute = await account(`Député ${tag}x`);
      const admin = await adminClient(server.url);
      expect((await admin.put(`/users/${depute.id}/role`, { role: 'parliamentarian' })).status).toBe(200);
      const response = await search(`q=${encodeURIComponent(`${tag}x`)}`);
      expect(response.body.users).toEqual([{ id: depute.id, displayName: `Député ${tag}x`, kind: 'official', role: 'parliamentarian', organisationRegister: null }]);
    });

    it('AUTH9 % and _ are letters, not wildcards', async () => {
      const percent = await account(`Cent ${tag}%pour`);
      await account(`Cent ${tag}Apour`);
      const response = await search(`q=${encodeURIComponent(`${tag}%p`)}`);
      expect(response.body.users.map((user) => user.id)).toEqual([percent.id]);
      expect((await search(`q=${encodeURIComponent(`${tag}_pour`)}`)).body.users).toEqual([]);
    });

    it('AUTH9 answers are bounded: at most `limit` (10 by default, 20 at most)', async () => {
      const many = `Mn${randomUUID().slice(0, 6)}`;
      for (let i = 0; i < 22; i += 1) await account(`${many} ${String(i).padStart(2, '0')}`);
      expect((await search(`q=${many}`)).body.users).toHaveLength(10);
      const twenty = await search(`q=${many}&limit=20`);
      expect(twenty.body.users.map((user) => user.displayName)).toEqual(Array.from({ length: 20 }, (_, i) => `${many} ${String(i).padStart(2, '0')}`));
      expectProblem(await search(`q=${many}&limit=21`), 400, 'validation_failed');
    });

    it('AUTH9 a query of fewer than 2 characters (spaces aside), or none, is 400 validation_failed; anonymous callers get 401 first', async () => {
      expect(expectProblem(await search('q=a'), 400, 'validation_failed').errors?.map((e) => e.path)).toEqual(['q']);
      expectProblem(await search(`q=${encodeURIComponent(' a ')}`), 400, 'validation_failed');
      expectProblem(await search(''), 400, 'validation_failed');
      expectProblem(await search(`q=${'x'.repeat(81)}`), 400, 'validation_failed');
      expectProblem(await new ApiClient(server.url).get(`/users?q=${tag}`), 401, 'authentication_required');
      expectProblem(await new ApiClient(server.url).get('/users?q=a'), 401, 'authentication_required');
    });
  });
}
