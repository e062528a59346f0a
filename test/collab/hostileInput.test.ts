import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { articleTexts, connectProvider, recordCloseCodes, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleText, type CollabWorld, healthy, startCollabWorld, storedDocument } from '../helpers/collabWorld.ts';
import { RawCollabClient, syncFrame, SyncType } from '../helpers/rawCollabClient.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { mulberry32 as prng } from '../helpers/random.ts';


function garbage(seed: number): Uint8Array {
  const random = prng(seed);
  return Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
}

const bytes = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** A well-formed update that inserts text into article 1 (built from the seeded document's state vector). */
function realUpdate(server: Y.Doc, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(doc);
  articleText(doc, 0).insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

type Hostile = { name: string; code: CloseCode; frame(state: Y.Doc): Uint8Array | string; early?: boolean };
const notJson = encoding.encode((e) => {
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, 7);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, '{"cursor": oops');
});
const hostile: Hostile[] = [
  { name: 'an empty frame', code: CloseCode.malformedMessage, frame: () => new Uint8Array(0) },
  { name: 'a truncated varint', code: CloseCode.malformedMessage, frame: () => bytes([0x80]) },
  { name: 'a truncated varint inside a sync message', code: CloseCode.malformedMessage, frame: () => bytes([0, 2, 0x85]) },
  { name: 'a varint beyond safe integers', code: CloseCode.malformedMessage, frame: () => bytes([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) },
  { name: 'a length past the end of the frame', code: CloseCode.malformedMessage, frame: () => bytes([0, 2, 10, 1, 2]) },
  { name: 'an unknown message type', code: CloseCode.malformedMessage, frame: () => bytes([9, 0]) },
  { name: 'an unknown sync type', code: CloseCode.malformedMessage, frame: () => bytes([0, 7, 0]) },
  { name: 'an unknown auth type', code: CloseCode.malformedMessage, frame: () => bytes([2, 5, 0]) },
  { name: 'trailing bytes after a sync step 1', code: CloseCode.malformedMessage, frame: () => bytes(syncFrame(SyncType.step1, bytes([0])), [0xff]) },
  { name: 'trailing bytes after a real update', code: CloseCode.malformedMessage, frame: (s) => bytes(syncFrame(SyncType.update, realUpdate(s, '<trailing>')), [0]) },
  { name: 'a zero-length update', code: CloseCode.invalidUpdate, frame: () => bytes([0, SyncType.update, 0]) },
  { name: 'a zero-length sync step 2', code: CloseCode.invalidUpdate, frame: () => bytes([0, SyncType.step2, 0]) },
  ...[1, 2, 3, 4, 5].map((seed) => ({
    name: `garbage update bytes (seed ${seed})`,
    code: CloseCode.invalidUpdate,
    frame: () => syncFrame(SyncType.update, garbage(seed)),
  })),
  { name: 'garbage sent before the document is ready', code: CloseCode.invalidUpdate, frame: () => syncFrame(SyncType.step2, garbage(6)), early: true },
  { name: 'an awareness state that is not JSON', code: CloseCode.malformedMessage, frame: () => notJson },
  { name: 'a text frame', code: CloseCode.malformedMessage, frame: () => JSON.stringify({ type: 'update', text: 'hello' }) },
];

describe('COLLAB14 hostile input from a writer', () => {
  let world: CollabWorld;
  let document: string;
  let writer: ReturnType<typeof connectProvider>;
  let reader: ReturnType<typeof connectProvider>;
  let closes: number[][];

  beforeAll(async () => {
    world = await startCollabWorld(pgliteTarget, { rapporteurs: 1 });
    document = await world.newBill();
    writer = connectProvider(world.url, document, (await ticketFor(world.rapporteurs[0]!.client, document)).ticket);
    reader = connectProvider(world.url, document);
    closes = [writer, reader].map(({ provider }) => recordCloseCodes(provider));
    await Promise.all([synced(writer.provider), synced(reader.provider)]);
  });
  afterAll(async () => {
    writer?.provider.destroy();
    reader?.provider.destroy();
    await world?.server.stop();
  });

  it('COLLAB14 the garbage is garbage: no seed decodes as a Yjs update', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) expect(() => Y.decodeUpdate(garbage(seed))).toThrow();
  });

  for (const [index, { name, code, frame, early }] of hostile.entries()) {
    const codeName = Object.entries(CloseCode).find(([, value]) => value === code)![0];
    it(`COLLAB14 ${name} closes that socket with ${codeName}; the server stays up, others still work, nothing is stored`, async () => {
      const pending = await world.store.pendingUpdates(document);
      const before = articleTexts(reader.doc);
      const ticket = (await ticketFor(world.rapporteurs[0]!.client, document)).ticket;
      const attacker = await RawCollabClient.open(world.url, document, { ticket });
      if (!early) await attacker.frame((f) => f.kind === 'sync' && f.syncType === SyncType.step1);
      const payload = frame(writer.doc);
      if (typeof payload === 'string') attacker.sendText(payload);
      else attacker.send(payload);
      expect(await attacker.closed()).toBe(code);

      expect(await healthy(world.url)).toBe(true);
      const sentinel = `[after case ${index}] `;
      articleText(writer.doc, 1).insert(0, sentinel);
      const expected = before.map((text, i) => (i === 1 ? sentinel + text : text));
      await waitFor(() => expect(articleTexts(reader.doc)).toEqual(expected));
      expect(await world.store.pendingUpdates(document)).toBe(pending + 1);
      expect(articleTexts(await storedDocument(world, document))).toEqual(expected);
      expect(closes).toEqual([[], []]);
    });
  }

  it('COLLAB14 after all of it, a new client still joins and writes', async () => {
    const ticket = (await ticketFor(world.rapporteurs[0]!.client, document)).ticket;
    const late = await RawCollabClient.open(world.url, document, { ticket, autoSync: true });
    await late.synced();
    expect(articleTexts(late.doc)).toEqual(articleTexts(reader.doc));
    articleText(late.doc, 0).insert(0, '[late writer] ');
    await waitFor(() => expect(articleTexts(reader.doc)[0]).toMatch(/^\[late writer\] /));
    await late.close();
  });
});
