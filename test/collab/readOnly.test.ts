import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateCarriesChanges } from '../../server/collab/protocol.ts';
import type { CollabTicket } from '../../shared/api/collab.ts';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleText, captureUpdate, type CollabWorld, liveDoc, startCollabWorld, storedDocument } from '../helpers/collabWorld.ts';
import { MessageType, queryAwarenessFrame, RawCollabClient, syncFrame, SyncType } from '../helpers/rawCollabClient.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient } from '../helpers/testServer.ts';

type Attack = { name: string; syncType: number; edit(doc: Y.Doc): void };
const attacks: Attack[] = [
  { name: 'an update inserting text', syncType: SyncType.update, edit: (doc) => articleText(doc, 0).insert(0, 'PIRATE ') },
  { name: 'an update deleting text', syncType: SyncType.update, edit: (doc) => articleText(doc, 0).delete(0, 4) },
  { name: 'a sync step 2 inserting text', syncType: SyncType.step2, edit: (doc) => articleText(doc, 0).insert(0, 'PIRATE ') },
];

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`COLLAB11 read-only clients on ${targetTitle(target)}`, () => {
    let world: CollabWorld;
    let document: string;
    let writerTicket: () => Promise<string>;
    const readers: { name: string; ticket(): Promise<string | undefined> }[] = [
      { name: 'an anonymous reader', ticket: () => Promise.resolve(undefined) },
      { name: 'a citizen with a read ticket', ticket: async () => readTicket(await ticketFor(world.citizen, document)) },
    ];

    beforeAll(async () => {
      world = await startCollabWorld(target, { rapporteurs: 1 });
      document = await world.newBill();
      writerTicket = async () => (await ticketFor(world.rapporteurs[0]!.client, document)).ticket;
    });
    afterAll(() => world?.server.stop());

    it('COLLAB11 a citizen (or anyone but a rapporteur) never gets a write ticket for bill:<id>', async () => {
      expect((await ticketFor(world.rapporteurs[0]!.client, document)).access).toBe('write');
      expect((await ticketFor(world.citizen, document)).access).toBe('read');
      expect((await ticketFor(new ApiClient(world.url), document)).access).toBe('read');
      expect((await ticketFor(world.admin, document)).access).toBe('read');
      // Asking for more in the body changes nothing.
      const asked = await world.citizen.post<CollabTicket>('/collab/tickets', { document, access: 'write' });
      if (asked.status === 200) expect(asked.body.access).toBe('read');
      else expect(asked.status).toBe(400);
    });

    for (const reader of readers) {
      for (const attack of attacks) {
        it(`COLLAB11 ${reader.name} sending ${attack.name} is closed with readOnly; nothing changes on the server or at other clients`, async () => {
          const writer = connectProvider(world.url, document, await writerTicket());
          const watcher = connectProvider(world.url, document);
          const closes = [writer, watcher].map(({ provider }) => recordCloseCodes(provider));
          try {
            await Promise.all([synced(writer.provider), synced(watcher.provider)]);
            const before = articleTexts(watcher.doc);
            const pending = await world.store.pendingUpdates(document);
            const attacker = await RawCollabClient.open(world.url, document, { ticket: await reader.ticket() });
            attacker.requestState();
            await attacker.synced();
            expect(articleTexts(attacker.doc)).toEqual(before);
            const update = captureUpdate(attacker.doc, () => attack.edit(attacker.doc));
            expect(updateCarriesChanges(update)).toBe(true);
            attacker.send(syncFrame(attack.syncType, update));
            expect(await attacker.closed()).toBe(CloseCode.readOnly);

            // A later edit by the writer takes the same path: once it arrived, the attack would have too.
            const sentinel = `[after ${reader.name}, ${attack.name}] `;
            articleText(writer.doc, 1).insert(0, sentinel);
            const expected = before.map((text, i) => (i === 1 ? sentinel + text : text));
            await waitFor(() => expect(articleTexts(watcher.doc)).toEqual(expected));
            expect(articleTexts(writer.doc)).toEqual(expected);
            expect(articleTexts(await liveDoc(world, document))).toEqual(expected);
            expect(await world.store.pendingUpdates(document)).toBe(pending + 1);
            expect(articleTexts(await storedDocument(world, document))).toEqual(expected);
            const fresh = await RawCollabClient.open(world.url, document, { autoSync: true });
            await fresh.synced();
            expect(articleTexts(fresh.doc)).toEqual(expected);
            await fresh.close();
            expect(closes).toEqual([[], []]);
          } finally {
            writer.provider.destroy();
            watcher.provider.destroy();
          }
        });
      }
    }

    it('COLLAB11 the empty sync step 2 a stock provider sends on connect is accepted: stock readers stay connected and synced', async () => {
      const anonymous = connectProvider(world.url, document);
      const citizen = connectProvider(world.url, document, readTicket(await ticketFor(world.citizen, document)));
      const closes = [anonymous, citizen].map(({ provider }) => recordCloseCodes(provider));
      const raw = await RawCollabClient.open(world.url, document, { ticket: readTicket(await ticketFor(world.citizen, document)) });
      const writer = connectProvider(world.url, document, await writerTicket());
      try {
        await Promise.all([synced(anonymous.provider), synced(citizen.provider), synced(writer.provider)]);
        // By hand: an empty step 2, and one naming a client that deletes nothing; then a query the server answers.
        raw.send(syncFrame(SyncType.step2, Y.encodeStateAsUpdate(new Y.Doc())));
        raw.send(syncFrame(SyncType.step2, new Uint8Array([0, 1, 42, 0])));
        raw.send(queryAwarenessFrame());
        await raw.frame((frame) => frame.kind === 'awareness');
        articleText(writer.doc, 0).insert(0, '[readers stay] ');
        await waitFor(() => {
          for (const { doc } of [anonymous, citizen]) expect(articleTexts(doc)).toEqual(articleTexts(writer.doc));
          expect(raw.frames.some((f) => f.kind === 'sync' && f.syncType === SyncType.update)).toBe(true);
        });
        expect(closes).toEqual([[], []]);
        expect([anonymous.provider.wsconnected, citizen.provider.wsconnected, raw.isOpen]).toEqual([true, true, true]);
        expect(raw.frames.every((f) => f.kind !== 'other' || f.messageType !== MessageType.auth)).toBe(true);
      } finally {
        for (const { provider } of [anonymous, citizen, writer]) provider.destroy();
        await raw.close();
      }
    });

    it('COLLAB11 a reconnecting reader’s sync step 2 that repeats deletions the server already has changes nothing', async () => {
      const server = await liveDoc(world, document).catch(() => null);
      const doc = server ?? (await storedDocument(world, document));
      const reader = new Y.Doc();
      Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc));
      articleText(reader, 0).delete(0, 2);
      const known = new Y.Doc();
      Y.applyUpdate(known, Y.encodeStateAsUpdate(reader));
      // The reader's step 2 after a reconnect: nothing new, but its whole delete set.
      const repeat = Y.encodeStateAsUpdate(known, Y.encodeStateVector(known));
      expect(updateCarriesChanges(repeat, known)).toBe(false);
      expect(updateCarriesChanges(repeat, doc)).toBe(true);
      expect(updateCarriesChanges(captureUpdate(reader, () => articleText(reader, 1).insert(0, 'x')), known)).toBe(true);
    });

    // Every reconnecting provider repeats its whole delete set: only changes the server lacks count.
    it('COLLAB11 a stock reader that reconnects to a document holding deletions stays connected', async () => {
      const writer = connectProvider(world.url, document, await writerTicket());
      const reader = connectProvider(world.url, document);
      const closes = recordCloseCodes(reader.provider);
      try {
        await Promise.all([synced(writer.provider), synced(reader.provider)]);
        articleText(writer.doc, 0).delete(0, 3);
        await waitFor(() => expect(articleTexts(reader.doc)).toEqual(articleTexts(writer.doc)));
        reader.provider.disconnect();
        reader.provider.connect();
        await synced(reader.provider);
        articleText(writer.doc, 1).insert(0, '[after reconnect] ');
        await waitFor(() => expect(articleTexts(reader.doc)).toEqual(articleTexts(writer.doc)));
        expect(closes).toEqual([]);
      } finally {
        writer.provider.destroy();
        reader.provider.destroy();
      }
    });
  });
}

function readTicket(ticket: CollabTicket): string {
  expect(ticket.access).toBe('read');
  return ticket.ticket;
}
