/**
 * BLAME2 on the collaboration endpoint: the server records which user owns each Yjs client id that writes a document,
 * and that record changes nothing of what is stored for, or sent to, clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleText, type CollabWorld, liveDoc, startCollabWorld, storedDocument } from '../helpers/collabWorld.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Collects the updates a provider's document makes itself (what the provider sends), not those it receives. */
function sentBy(doc: Y.Doc, provider: WebsocketProvider): Uint8Array[] {
  const sent: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) sent.push(update);
  });
  return sent;
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`BLAME2 authors of live edits on ${targetTitle(target)}`, () => {
    let world: CollabWorld;

    beforeAll(async () => {
      world = await startCollabWorld(target, { rapporteurs: 2 });
    });
    afterAll(() => world?.server.stop());

    it('BLAME2 each writer’s client id is recorded once as theirs; the stored log and what readers receive are exactly the writers’ updates', async () => {
      const document = await world.newBill();
      const [r1, r2] = world.rapporteurs as [CollabWorld['rapporteurs'][number], CollabWorld['rapporteurs'][number]];
      const a = connectProvider(world.url, document, (await ticketFor(r1.client, document)).ticket);
      const b = connectProvider(world.url, document, (await ticketFor(r2.client, document)).ticket);
      const reader = connectProvider(world.url, document);
      const readerCloses = recordCloseCodes(reader.provider);
      try {
        await Promise.all([a, b, reader].map(({ provider }) => synced(provider)));
        const seed = await world.store.load(document);
        const sent = [a, b].map(({ doc, provider }) => sentBy(doc, provider));
        for (let round = 0; round < 5; round++) {
          articleText(a.doc, 0).insert(0, `<a${round}>`);
          articleText(b.doc, 1).insert(articleText(b.doc, 1).length, `<b${round}>`);
        }
        await waitFor(() => {
          expect(articleTexts(reader.doc)).toEqual(articleTexts(a.doc));
          expect(articleTexts(reader.doc)).toEqual(articleTexts(b.doc));
          expect(articleTexts(reader.doc)[1]).toContain('<b4>');
          expect(articleTexts(reader.doc)[0]).toContain('<a4>');
        });

        // The log holds the seed, then exactly the bytes the writers sent: nothing added, nothing rewritten.
        const stored = await world.store.load(document);
        expect(stored.updates.slice(0, seed.updates.length)).toEqual(seed.updates);
        expect(stored.updates.slice(seed.updates.length).map(hex).sort()).toEqual(sent.flat().map(hex).sort());
        // Readers, the server and the store hold the same document, with no trace of the record in it.
        const server = await liveDoc(world, document);
        for (const doc of [reader.doc, await storedDocument(world, document)]) {
          expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(server));
          expect([...doc.share.keys()]).toEqual(['articles']);
        }
        expect(await world.store.authors(document)).toEqual(
          new Map([
            [a.doc.clientID, { kind: 'user', id: r1.me.id, actorId: null }],
            [b.doc.clientID, { kind: 'user', id: r2.me.id, actorId: null }],
          ]),
        );

        // Reconnecting writes under the same client id: still one record. A reader's write is refused, unrecorded.
        a.provider.disconnect();
        a.provider.connect();
        await synced(a.provider);
        articleText(a.doc, 0).insert(0, '<again>');
        articleText(reader.doc, 0).insert(0, '<intrus>');
        await waitFor(() => expect(readerCloses).toContain(CloseCode.readOnly));
        await waitFor(async () => expect(articleTexts(await storedDocument(world, document))[0]).toContain('<again>'));
        expect([...(await world.store.authors(document)).keys()].sort()).toEqual([a.doc.clientID, b.doc.clientID].sort());
        expect(articleTexts(await storedDocument(world, document))[0]).not.toContain('<intrus>');
      } finally {
        for (const { provider } of [a, b, reader]) provider.destroy();
      }
    });
  });
}
