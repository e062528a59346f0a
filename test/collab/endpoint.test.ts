import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import { ADMIN_ENV } from '../helpers/apiFixtures.ts';
import { articleTexts, connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { setupCollabBill } from '../helpers/collabEdits.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';
import type * as Y from 'yjs';

describe('collaboration endpoint (smoke)', () => {
  let server: TestServer;
  let bill: Bill;
  let rapporteur: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(pgliteTarget, ADMIN_ENV);
    ({ bill, rapporteur } = await setupCollabBill(server.url));
  });
  afterAll(() => server?.stop());

  it('COLLAB9 a rapporteur edits the bill text and an anonymous reader sees it live', async () => {
    const ticket = await ticketFor(rapporteur, `bill:${bill.id}`);
    expect(ticket.access).toBe('write');
    const writer = connectProvider(server.url, `bill:${bill.id}`, ticket.ticket);
    const reader = connectProvider(server.url, `bill:${bill.id}`);
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
    expect(articleTexts(reader.doc)).toEqual(articleTexts(writer.doc));
    expect(articleTexts(writer.doc).length).toBeGreaterThan(0);
    const text = (writer.doc.getArray<Y.Map<unknown>>('articles').get(0).get('text')) as Y.Text;
    text.insert(0, 'Modifié en direct. ');
    await waitFor(() => expect(articleTexts(reader.doc)[0]).toMatch(/^Modifié en direct\. /));
    writer.provider.destroy();
    reader.provider.destroy();
  });
});
