import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleText, type CollabWorld, liveDoc, startCollabWorld, storedDocument } from '../helpers/collabWorld.ts';
import { RawCollabClient } from '../helpers/rawCollabClient.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`COLLAB10 live co-writing on ${targetTitle(target)}`, () => {
    let world: CollabWorld;

    beforeAll(async () => {
      world = await startCollabWorld(target, { rapporteurs: 3 });
    });
    afterAll(() => world?.server.stop());

    it('COLLAB10 two stock providers and a raw-protocol writer converge after concurrent edits; a reader gets every edit live', async () => {
      const document = await world.newBill();
      const tickets = await Promise.all(world.rapporteurs.map(({ client }) => ticketFor(client, document)));
      expect(tickets.map((t) => t.access)).toEqual(['write', 'write', 'write']);
      const a = connectProvider(world.url, document, tickets[0]!.ticket);
      const b = connectProvider(world.url, document, tickets[1]!.ticket);
      const reader = connectProvider(world.url, document);
      const raw = await RawCollabClient.open(world.url, document, { ticket: tickets[2]!.ticket, autoSync: true });
      const providers = [a, b, reader];
      const closes = providers.map(({ provider }) => recordCloseCodes(provider));
      try {
        await Promise.all([...providers.map(({ provider }) => synced(provider)), raw.synced()]);
        const seeded = articleTexts(reader.doc);
        expect(seeded.length).toBeGreaterThan(1);
        for (const doc of [a.doc, b.doc, raw.doc]) expect(articleTexts(doc)).toEqual(seeded);

        // One writer at a time: the reader sees each edit while connected.
        const writers: Y.Doc[] = [a.doc, b.doc, raw.doc];
        for (const [i, doc] of writers.entries()) {
          articleText(doc, i % 2).insert(0, `[seq ${i}] `);
          await waitFor(() => expect(articleTexts(reader.doc)[i % 2]).toContain(`[seq ${i}] `));
        }

        await waitFor(() => {
          for (const doc of writers) expect(articleTexts(doc)).toEqual(articleTexts(reader.doc));
        });

        // All at once, at the same places, without waiting for each other.
        const markers: string[] = [];
        for (let round = 0; round < 8; round++) {
          for (const [i, doc] of writers.entries()) {
            const text = articleText(doc, 0);
            const marker = `<w${i}r${round}>`;
            markers.push(marker);
            text.insert(round % 2 === 0 ? 0 : text.length, marker);
            // Concurrent deletions of the same characters of article 2's text.
            if (round === 3) articleText(doc, 1).delete(0, 3);
          }
        }
        const everyone = (): Y.Doc[] => [a.doc, b.doc, raw.doc, reader.doc];
        await waitFor(() => {
          const texts = articleTexts(reader.doc);
          for (const marker of markers) expect(texts[0]).toContain(marker);
          for (const doc of everyone()) expect(articleTexts(doc)).toEqual(texts);
        });
        const converged = articleTexts(reader.doc);
        for (const marker of markers) expect(converged[0]!.split(marker)).toHaveLength(2);
        expect(converged[1]).toBe(`[seq 1] ${seeded[1]!}`.slice(3));

        // Live: nobody was disconnected (a resync on reconnect would also deliver the edits).
        expect(closes).toEqual([[], [], []]);
        expect(raw.closeEvent).toBeNull();

        // The server's document, the store and a newcomer hold the same text.
        expect(articleTexts(await liveDoc(world, document))).toEqual(converged);
        await waitFor(async () => expect(articleTexts(await storedDocument(world, document))).toEqual(converged));
        const newcomer = await RawCollabClient.open(world.url, document, { autoSync: true });
        await newcomer.synced();
        expect(articleTexts(newcomer.doc)).toEqual(converged);
        await newcomer.close();
      } finally {
        for (const { provider } of providers) provider.destroy();
        await raw.close();
      }
    });
  });
}
