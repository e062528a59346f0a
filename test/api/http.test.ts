import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { ADMIN_ENV, adminClient, billBody, expectProblem } from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouterLayer[] };
}

/** `method path` of every route the running Express app mounts under /api/v1 (its one nested router), in OpenAPI form. */
function mountedApiRoutes(app: App): string[] {
  const express = app.server.listeners('request')[0] as unknown as { router: { stack: RouterLayer[] } };
  const api = express.router.stack.find((layer) => layer.handle?.stack !== undefined)?.handle?.stack ?? [];
  return api.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => `${method} ${layer.route?.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      : [],
  );
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`HTTP conventions on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    const total = async () => (await anonymous.get<{ total: number }>('/bills?limit=1')).body.total;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
    });
    afterAll(() => server?.stop());

    it('API1 an unknown route is a 404 route_not_found problem, inside and outside /api/v1', async () => {
      const inside = await anonymous.get('/no/such/route');
      const problem = expectProblem(inside, 404, 'route_not_found');
      expect(problem.detail).toBe('GET /no/such/route does not exist');
      expectProblem(await anonymous.delete('/bills'), 404, 'route_not_found');
      const outside = await fetch(`${server.url}/nowhere`);
      expect(outside.status).toBe(404);
      expect(outside.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await outside.json()).toMatchObject({ code: 'route_not_found', status: 404 });
    });

    it('API1 a malformed JSON body is a 400 malformed_json and changes nothing', async () => {
      const before = await total();
      const problem = expectProblem(await admin.post('/bills', '{"title": "Loi",'), 400, 'malformed_json');
      expect(problem.detail).toBe('The request body could not be parsed as JSON');
      expect(await total()).toBe(before);
    });

    it('API1 a body over 1 MB on POST /bills is a 413 payload_too_large and changes nothing', async () => {
      const before = await total();
      const body = billBody();
      const huge = { ...body, depot: { ...body.depot, expose: 'x'.repeat(1_100_000) } };
      expectProblem(await admin.post('/bills', huge), 413, 'payload_too_large');
      expect(await total()).toBe(before);
      // Just under the limit is parsed (and then refused by the schema's own 200 000-character limit).
      const big = { ...body, depot: { ...body.depot, expose: 'x'.repeat(900_000) } };
      const refused = expectProblem(await admin.post('/bills', big), 400, 'validation_failed');
      expect(refused.errors?.map((e) => e.path)).toEqual(['depot.expose']);
    });

    it('API1 a validation error lists each invalid field with its path, and changes nothing', async () => {
      const before = await total();
      const body = billBody();
      const response = await admin.post('/bills', {
        ...body,
        title: 'x',
        proposalType: 'LOI',
        depot: { ...body.depot, date: '15/01/2026', articles: [{ number: '1er', alineas: 'not a list' }] },
      });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['depot.articles.0.alineas', 'depot.date', 'proposalType', 'title']);
      for (const error of problem.errors ?? []) expect(error.message).not.toBe('');
      expect(problem.detail).toContain('depot.date');
      expect(await total()).toBe(before);
      // Query strings are validated the same way.
      const query = expectProblem(await anonymous.get('/bills?limit=abc&offset=-1'), 400, 'validation_failed');
      expect(query.errors?.map((e) => e.path).sort()).toEqual(['limit', 'offset']);
    });

    it('API4 an anonymous call to a signed-in-only endpoint is 401 before its body is validated', async () => {
      expectProblem(await anonymous.post('/bills', {}), 401, 'authentication_required');
      expectProblem(await anonymous.post('/imports', { nonsense: true }), 401, 'authentication_required');
      // The body is not even parsed: broken JSON from an anonymous caller is still a 401.
      expectProblem(await anonymous.post('/imports', '{"url": '), 401, 'authentication_required');
      // Signed in, the same body is judged on its content.
      expectProblem(await admin.post('/imports', { nonsense: true }), 400, 'validation_failed');
    });

    it('API2 /api/v1/openapi.json is OpenAPI 3.1 and documents every mounted route and the shared schemas', async () => {
      const response = await anonymous.get<OpenApiDocument>('/openapi.json');
      expect(response.status).toBe(200);
      const document = response.body;
      expect(document.openapi).toMatch(/^3\.1\./);

      for (const [path, method] of [
        ['/bills/{id}/articles/{number}/history', 'get'],
        ['/bills/{id}/events/verify', 'get'],
        ['/bills/{id}/events', 'get'],
        ['/imports', 'post'],
        ['/auth/login', 'post'],
        ['/bills', 'post'],
        ['/bills/{id}/rapporteurs/{userId}', 'delete'],
      ] as const) {
        expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
      // Every route the running server mounts, read from its Express router (the description itself aside).
      const mounted = mountedApiRoutes(server.app).filter((route) => route !== 'get /openapi.json');
      expect(mounted.length).toBeGreaterThanOrEqual(20);
      expect(mounted).toContain('get /bills/{id}/events/verify');
      const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
      expect(documented.sort()).toEqual([...mounted].sort());

      for (const name of ['Problem', 'Bill', 'Version', 'BillList', 'LedgerVerification', 'Me']) {
        expect(document.components.schemas[name], name).toBeDefined();
      }
    });

    it('API3 /health answers ok with the storage engine', async () => {
      const response = await fetch(`${server.url}/health`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ ok: true, storage: target.name, bus: 'memory' });
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    });
  });
}
