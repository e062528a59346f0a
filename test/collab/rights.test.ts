import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Bill } from '../../shared/api/bills.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { adminClient, ADMIN_ENV, createBill, makeParliamentarian } from '../helpers/apiFixtures.ts';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

describe('rights changes reach open sockets', () => {
  let server: TestServer;
  let admin: ApiClient;
  let bill: Bill;

  beforeAll(async () => {
    server = await startTestServer(pgliteTarget, ADMIN_ENV);
    admin = await adminClient(server.url);
    bill = await createBill(admin);
  });
  afterAll(() => server?.stop());

  async function connectedRapporteur() {
    const parliamentarian = await makeParliamentarian(server.url, admin);
    expect((await admin.put(`/bills/${bill.id}/rapporteurs/${parliamentarian.id}`)).status).toBe(204);
    const ticket = await ticketFor(parliamentarian.client, `bill:${bill.id}`);
    expect(ticket.access).toBe('write');
    const writer = connectProvider(server.url, `bill:${bill.id}`, ticket.ticket);
    const closes = recordCloseCodes(writer.provider);
    await synced(writer.provider);
    return { ...parliamentarian, ticket, writer, closes };
  }

  const firstText = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('articles').get(0).get('text') as Y.Text;

  it('COLLAB19 revoking a rapporteur closes their socket with permissionsChanged, and their old ticket now only reads', async () => {
    const { id, ticket, writer, closes } = await connectedRapporteur();
    expect((await admin.delete(`/bills/${bill.id}/rapporteurs/${id}`)).status).toBe(204);
    await waitFor(() => expect(closes).toContain(CloseCode.permissionsChanged));
    writer.provider.destroy();

    // The two-minute ticket still verifies, but the server checks the rights as they are now: read only.
    const stale = connectProvider(server.url, `bill:${bill.id}`, ticket.ticket);
    const staleCloses = recordCloseCodes(stale.provider);
    await synced(stale.provider);
    const before = articleTexts(stale.doc);
    firstText(stale.doc).insert(0, 'Écrit sans droit. ');
    await waitFor(() => expect(staleCloses).toContain(CloseCode.readOnly));
    stale.provider.destroy();
    const reader = connectProvider(server.url, `bill:${bill.id}`);
    await synced(reader.provider);
    expect(articleTexts(reader.doc)).toEqual(before);
    reader.provider.destroy();
  });

  it('COLLAB19 changing a rapporteur’s role closes their socket too', async () => {
    const { id, writer, closes } = await connectedRapporteur();
    expect((await admin.put(`/users/${id}/role`, { role: 'citizen' })).status).toBe(200);
    await waitFor(() => expect(closes).toContain(CloseCode.permissionsChanged));
    writer.provider.destroy();
  });
});
