import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Bill, Version, VersionSummary } from '../../shared/api/bills.ts';
import type { BillStats } from '../../shared/api/history.ts';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import { ADMIN_ENV, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { articleTexts, connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { setupCollabBill } from '../helpers/collabEdits.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const step = { stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date: '2026-06-01', title: 'Texte de la commission' };

describe('publishing a version from the live text', () => {
  let server: TestServer;
  let admin: ApiClient;
  let bill: Bill;
  let rapporteur: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(pgliteTarget, ADMIN_ENV);
    ({ admin, bill, rapporteur } = await setupCollabBill(server.url));
  });
  afterAll(() => server?.stop());

  it('COLLAB20 a rapporteur publishes the edited working text as the version of a new step, recorded in the ledger', async () => {
    const writer = connectProvider(server.url, `bill:${bill.id}`, (await ticketFor(rapporteur, `bill:${bill.id}`)).ticket);
    await synced(writer.provider);
    const text = writer.doc.getArray<Y.Map<unknown>>('articles').get(0).get('text') as Y.Text;
    text.insert(text.length, ' Ajout de la commission.');
    // Wait until the edit is stored: a fresh reader joining only ever sees committed state.
    await waitFor(async () => {
      const reader = connectProvider(server.url, `bill:${bill.id}`);
      await synced(reader.provider);
      const seen = articleTexts(reader.doc)[0];
      reader.provider.destroy();
      return expect(seen).toMatch(/Ajout de la commission\.$/);
    });
    const statsBefore = (await admin.get<BillStats>(`/bills/${bill.id}/stats`)).body;

    const published = await rapporteur.post<Version>(`/bills/${bill.id}/versions`, step);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date: '2026-06-01', title: step.title });
    expect(published.body.articles.map((a) => a.alineas.join('\n'))).toEqual(articleTexts(writer.doc));
    // Articles keep their identity from version to version.
    const depot = (await admin.get<Version>(`/bills/${bill.id}/versions/${bill.steps[0]?.versionId}`)).body;
    expect(published.body.articles.map((a) => a.articleId)).toEqual(depot.articles.map((a) => a.articleId));

    const versions = (await admin.get<{ versions: VersionSummary[] }>(`/bills/${bill.id}/versions`)).body.versions;
    expect(versions.map((v) => v.id)).toEqual([bill.steps[0]?.versionId, published.body.id]);
    const events = (await admin.get<{ events: LedgerEvent[] }>(`/bills/${bill.id}/events`)).body.events;
    expect(events.at(-1)).toMatchObject({ type: 'version.published', payload: { versionId: published.body.id } });
    expect((await admin.get<{ ok: boolean }>(`/bills/${bill.id}/events/verify`)).body.ok).toBe(true);
    // The statistics follow: one more text produced.
    const statsAfter = (await admin.get<BillStats>(`/bills/${bill.id}/stats`)).body;
    expect(statsAfter.lafabrique.texts_produced).toBe((statsBefore.lafabrique.texts_produced as number) + 1);
    writer.provider.destroy();
  });

  it('COLLAB20 only a rapporteur of the bill publishes: anonymous 401, citizen 403, nothing added', async () => {
    const before = (await admin.get<{ versions: VersionSummary[] }>(`/bills/${bill.id}/versions`)).body.versions.length;
    expectProblem(await new ApiClient(server.url).post(`/bills/${bill.id}/versions`, step), 401, 'authentication_required');
    const { client: citizen } = await signUp(server.url);
    expectProblem(await citizen.post(`/bills/${bill.id}/versions`, step), 403, 'forbidden');
    expectProblem(await rapporteur.post(`/bills/${bill.id}/versions`, { ...step, institution: 'mairie' }), 400, 'validation_failed');
    expect((await admin.get<{ versions: VersionSummary[] }>(`/bills/${bill.id}/versions`)).body.versions.length).toBe(before);
  });

  it('COLLAB20 a bill whose document was never opened publishes its latest text unchanged', async () => {
    const { bill: other, rapporteur: otherRapporteur } = await setupCollabBill(server.url, admin);
    const first = (await admin.get<Version>(`/bills/${other.id}/versions/${other.steps[0]?.versionId}`)).body;
    const published = await otherRapporteur.post<Version>(`/bills/${other.id}/versions`, step);
    expect(published.status).toBe(201);
    expect(published.body.articles.map((a) => [a.articleId, a.number, a.alineas])).toEqual(first.articles.map((a) => [a.articleId, a.number, a.alineas]));
  });
});
