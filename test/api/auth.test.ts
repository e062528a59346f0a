import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { Me, PublicUser } from '../../shared/api/users.ts';
import { authTokens, users } from '../../server/storage/schema.ts';
import {
  ADMIN,
  ADMIN_ENV,
  adminClient,
  createBill,
  expectProblem,
  type LedgerPage,
  makeParliamentarian,
  PASSWORD,
  signUp,
  uniqueEmail,
} from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const sessionCookieOf = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith('session='));
const secretOf = (setCookie: string) => (setCookie.split(';')[0] as string).slice('session='.length);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`accounts and sessions on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
    });
    afterAll(() => server?.stop());

    it('AUTH1 signup creates a citizen, sets an httpOnly SameSite=Lax session cookie, and /me works with it', async () => {
      const client = new ApiClient(server.url);
      const email = uniqueEmail('Signup');
      const response = await client.post<Me>('/auth/signup', { email, password: PASSWORD, displayName: 'Jeanne Citoyenne' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ email: email.toLowerCase(), displayName: 'Jeanne Citoyenne', role: 'citizen', rapporteurOf: [] });
      const cookie = sessionCookieOf(response.headers);
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      const me = await client.get<Me>('/me');
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(response.body.id);
      expect(me.body.email).toBe(email.toLowerCase());
    });

    it('AUTH1 signup cannot choose the admin role: 400 validation_failed on `kind`', async () => {
      const response = await new ApiClient(server.url).post('/auth/signup', {
        email: uniqueEmail(),
        password: PASSWORD,
        displayName: 'Would-be Admin',
        kind: 'admin',
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path)).toEqual(['kind']);
      expect(sessionCookieOf(response.headers)).toBeUndefined();
    });

    it('AUTH1 a second account with the same e-mail in another case is 409 email_taken', async () => {
      const { email } = await signUp(server.url, uniqueEmail('dup'));
      const response = await new ApiClient(server.url).post('/auth/signup', {
        email: email.toUpperCase(),
        password: PASSWORD,
        displayName: 'Second Account',
      });
      expectProblem(response, 409, 'email_taken');
      const rows = await server.app.storage.db.select().from(users).where(eq(users.email, email.toLowerCase()));
      expect(rows).toHaveLength(1);
    });

    it('AUTH2 a wrong password and an unknown e-mail get the same answer', async () => {
      const { email } = await signUp(server.url);
      const wrongPassword = await new ApiClient(server.url).post('/auth/login', { email, password: 'not the password' });
      const unknownEmail = await new ApiClient(server.url).post('/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
      expectProblem(wrongPassword, 401, 'invalid_credentials');
      expect(unknownEmail.status).toBe(wrongPassword.status);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(sessionCookieOf(wrongPassword.headers)).toBeUndefined();
      // The right password, in any case of the e-mail, signs in.
      const ok = await new ApiClient(server.url).post<Me>('/auth/login', { email: email.toUpperCase(), password: PASSWORD });
      expect(ok.status).toBe(200);
    });

    it('AUTH3 after logout the old session cookie no longer authenticates', async () => {
      const client = new ApiClient(server.url);
      const signup = await client.post('/auth/signup', { email: uniqueEmail(), password: PASSWORD, displayName: 'Leaving Soon' });
      const oldCookie = (sessionCookieOf(signup.headers) as string).split(';')[0] as string;
      const replay = () => new ApiClient(server.url).request('GET', '/me', undefined, { cookie: oldCookie });
      expect((await replay()).status).toBe(200);

      const logout = await client.post('/auth/logout');
      expect(logout.status).toBe(204);
      expectProblem(await client.get('/me'), 401, 'authentication_required');
      expectProblem(await replay(), 401, 'authentication_required');
    });

    it('AUTH4 bearer tokens need a signed-in user, work on /me, and a bad one is refused even on public reads', async () => {
      expectProblem(await new ApiClient(server.url).post('/auth/tokens', { label: 'anonymous' }), 401, 'authentication_required');

      const { client, me } = await signUp(server.url);
      const created = await client.post<{ token: string; label: string; expiresAt: string }>('/auth/tokens', { label: 'my script' });
      expect(created.status).toBe(201);
      expect(created.body.label).toBe('my script');
      expect(created.body.token).toMatch(/^llapi_/);
      const bearer = new ApiClient(server.url).withBearer(created.body.token);
      const viaBearer = await bearer.get<Me>('/me');
      expect(viaBearer.status).toBe(200);
      expect(viaBearer.body.id).toBe(me.id);

      // A session secret is not a bearer token, and an expired token is refused, not treated as anonymous.
      const login = await client.post('/auth/login', { email: me.email, password: PASSWORD });
      const sessionAsBearer = secretOf(sessionCookieOf(login.headers) as string);
      expectProblem(await new ApiClient(server.url).withBearer(sessionAsBearer).get('/me'), 401, 'authentication_required');
      const expiring = (await client.post<{ token: string }>('/auth/tokens', { label: 'expiring' })).body.token;
      await server.app.storage.db
        .update(authTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(authTokens.tokenHash, sha256(expiring)));
      expectProblem(await new ApiClient(server.url).withBearer(expiring).get('/bills'), 401, 'authentication_required');

      const garbage = new ApiClient(server.url).withBearer('llapi_not-a-real-token');
      expectProblem(await garbage.get('/bills'), 401, 'authentication_required');
      expectProblem(await garbage.get('/me'), 401, 'authentication_required');
      expect((await new ApiClient(server.url).get('/bills')).status).toBe(200);
    });

    it('AUTH5 only an admin sets roles', async () => {
      const { client: citizen, me: target } = await signUp(server.url);
      const { me: other } = await signUp(server.url);
      expectProblem(await new ApiClient(server.url).put(`/users/${other.id}/role`, { role: 'moderator' }), 401, 'authentication_required');
      expectProblem(await citizen.put(`/users/${other.id}/role`, { role: 'moderator' }), 403, 'forbidden');
      expectProblem(await citizen.put(`/users/${target.id}/role`, { role: 'admin' }), 403, 'forbidden');
      expect((await new ApiClient(server.url).get<PublicUser>(`/users/${other.id}`)).body.role).toBe('citizen');

      const granted = await admin.put<PublicUser>(`/users/${other.id}/role`, { role: 'moderator' });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ id: other.id, role: 'moderator' });
      expect((await new ApiClient(server.url).get<PublicUser>(`/users/${other.id}`)).body.role).toBe('moderator');
      expectProblem(await admin.put('/users/no-such-user/role', { role: 'moderator' }), 404, 'user_not_found');
    });

    it('AUTH6 an admin names and removes a parliamentarian rapporteur; each change is in the ledger', async () => {
      const bill = await createBill(admin, { title: 'Projet de loi sur les rapporteurs' });
      const depute = await makeParliamentarian(server.url, admin);
      const { me: citizen } = await signUp(server.url);
      const adminMe = (await admin.get<Me>('/me')).body;

      expectProblem(await depute.client.put(`/bills/${bill.id}/rapporteurs/${depute.id}`), 403, 'forbidden');
      expectProblem(await admin.put(`/bills/${bill.id}/rapporteurs/${citizen.id}`), 409, 'not_parliamentarian');
      expectProblem(await admin.put(`/bills/no-such-bill/rapporteurs/${depute.id}`), 404, 'bill_not_found');

      expect((await admin.put(`/bills/${bill.id}/rapporteurs/${depute.id}`)).status).toBe(204);
      const named = await new ApiClient(server.url).get<Bill>(`/bills/${bill.id}`);
      expect(named.body.rapporteurs.map((r) => r.id)).toEqual([depute.id]);
      expect((await depute.client.get<Me>('/me')).body.rapporteurOf).toEqual([bill.id]);

      expect((await admin.delete(`/bills/${bill.id}/rapporteurs/${depute.id}`)).status).toBe(204);
      expect((await new ApiClient(server.url).get<Bill>(`/bills/${bill.id}`)).body.rapporteurs).toEqual([]);
      expect((await depute.client.get<Me>('/me')).body.rapporteurOf).toEqual([]);

      const ledger = await new ApiClient(server.url).get<LedgerPage>(`/bills/${bill.id}/events`);
      expect(ledger.body.events.map(({ seq, type, actorId, payload }) => ({ seq, type, actorId, payload }))).toEqual([
        expect.objectContaining({ seq: 1, type: 'bill.created', actorId: adminMe.id }),
        { seq: 2, type: 'rapporteur.granted', actorId: adminMe.id, payload: { userId: depute.id } },
        { seq: 3, type: 'rapporteur.revoked', actorId: adminMe.id, payload: { userId: depute.id } },
      ]);
    });

    it('AUTH7 passwords are stored as argon2id hashes, sessions and tokens only as SHA-256 hashes', async () => {
      const { db } = server.app.storage;
      const client = new ApiClient(server.url);
      const email = uniqueEmail('stored');
      const signup = await client.post<Me>('/auth/signup', { email, password: PASSWORD, displayName: 'Stored User' });
      const sessionSecret = secretOf(sessionCookieOf(signup.headers) as string);
      const bearerSecret = (await client.post<{ token: string }>('/auth/tokens', { label: 'stored' })).body.token;

      const rows = await db.select().from(users);
      expect(rows.map((row) => row.email)).toEqual(expect.arrayContaining([ADMIN.email, email]));
      for (const row of rows) {
        expect(row.passwordHash).toMatch(/^\$argon2id\$/);
        expect(row.passwordHash).not.toContain(PASSWORD);
      }

      const tokens = await db.select().from(authTokens).where(eq(authTokens.userId, signup.body.id));
      expect(tokens.map((t) => t.kind).sort()).toEqual(['api', 'session']);
      const stored = tokens.map((t) => t.tokenHash);
      expect(stored.sort()).toEqual([sha256(sessionSecret), sha256(bearerSecret)].sort());
      const everyStored = (await db.select({ hash: authTokens.tokenHash }).from(authTokens)).map((t) => t.hash);
      expect(everyStored).not.toContain(sessionSecret);
      expect(everyStored).not.toContain(bearerSecret);
      expect(everyStored.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    });
  });
}
