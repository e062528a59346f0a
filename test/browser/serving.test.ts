/**
 * How the server serves the built client: the page at `/` and at deep links for browsers, hashed assets cached for a
 * year, and nothing of it in the way of the API (unknown paths still answer problem JSON to API clients).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST, ensureClientBuild } from '../../client/scripts/buildIfStale.ts';
import { JOURNEY_TIMEOUT_MS, WORLD_TIMEOUT_MS } from '../helpers/browser.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('web client: served by the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    await ensureClientBuild({ quiet: true });
    server = await startTestServer(pgliteTarget);
  }, WORLD_TIMEOUT_MS);
  afterAll(() => server?.stop());

  it('serves the page at / and at deep links a browser opens, revalidated on each visit', async () => {
    for (const route of ['/', '/bills/abc/articles/2%20bis', '/bills/abc/versions/v1', '/signin?next=%2F']) {
      const response = await fetch(`${server.url}${route}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="app"></div>');
    }
  }, JOURNEY_TIMEOUT_MS);

  it('caches hashed assets for a year and answers a missing asset with 404, never the page', async () => {
    const [asset] = (await readdir(path.join(CLIENT_DIST, 'assets'))).filter((name) => name.endsWith('.js'));
    const response = await fetch(`${server.url}/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${server.url}/assets/index-missing.js`, { headers: { accept: BROWSER_ACCEPT } });
    expect(missing.status).toBe(404);
  }, JOURNEY_TIMEOUT_MS);

  it('API1 keeps the API and its 404s: JSON clients get problem JSON, the page never answers under /api', async () => {
    const bills = await fetch(`${server.url}/api/v1/bills`);
    expect(bills.status).toBe(200);
    expect(bills.headers.get('content-type')).toMatch(/^application\/json/);
    const unknown = await fetch(`${server.url}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const underApi = await fetch(`${server.url}/api/v1/no/such/route`, { headers: { accept: BROWSER_ACCEPT } });
    expect(underApi.status).toBe(404);
    expect(underApi.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }, JOURNEY_TIMEOUT_MS);
});
