import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/storage/schema.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

// The limit's counting is covered on both engines by the rate limiter contract (RATE1-4); this checks the HTTP face.
describe('sign-in rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(pgliteTarget, { AUTH_ATTEMPTS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('AUTH8 sign-in attempts past the limit get 429 rate_limited with Retry-After, and change nothing', async () => {
    const client = new ApiClient(server.url);
    const attempt = () => client.post('/auth/login', { email: 'nobody@example.org', password: 'wrong password' });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Sign-up shares the budget: no account is created while throttled.
    const signup = await client.post('/auth/signup', { email: 'new@example.org', password: 'a long password', displayName: 'New' });
    expect(signup.status).toBe(429);
    expect(await server.app.storage.db.select().from(users).where(eq(users.email, 'new@example.org'))).toEqual([]);
  });
});
