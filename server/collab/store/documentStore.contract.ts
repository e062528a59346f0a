/**
 * The document store contract: what the collaboration server relies on from any DocumentStore, run once per
 * implementation and engine. Edits come from real Y.Docs driven by a seeded PRNG, so failures replay exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ClientAuthor, type DocumentStore, InvalidDocumentUpdateError, type StoredDocument } from './documentStore.ts';
import { mulberry32 as prng } from '../../../test/helpers/random.ts';

/** A fresh, empty store under test, with a way to make its backend fail mid-batch. */
export interface DocumentStoreFixture {
  store: DocumentStore;
  /** Makes the backend itself (not the store's own checks) reject any update equal to these bytes. */
  rejectInBackend(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}


const REMOTE = 'remote';

/** Three replicas editing one Y.Text at random, syncing now and then; `take()` drains their local updates. */
function editors(seed: number) {
  const random = prng(seed);
  const docs = [0, 1, 2].map(() => new Y.Doc());
  let pending: Uint8Array[] = [];
  for (const doc of docs) doc.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && pending.push(update));
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
  return {
    /** Applies `n` random edits (inserts, deletes, occasional syncs) across the replicas. */
    edit(n: number) {
      for (let i = 0; i < n; i++) {
        const doc = docs[Math.floor(random() * docs.length)]!;
        const text = doc.getText('content');
        const roll = random();
        if (roll < 0.15) sync(doc, docs[Math.floor(random() * docs.length)]!);
        else if (roll < 0.4 && text.length > 0) {
          const at = Math.floor(random() * text.length);
          text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 5)));
        } else text.insert(Math.floor(random() * (text.length + 1)), random().toString(36).slice(2, 2 + Math.ceil(random() * 8)));
      }
    },
    take(): Uint8Array[] {
      const out = pending;
      pending = [];
      return out;
    },
    /** The converged document every replica reaches once all have synced. */
    merged(): Y.Doc {
      for (const a of docs) for (const b of docs) if (a !== b) sync(a, b);
      return docs[0]!;
    },
  };
}

function rebuild(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getText('content').toJSON()).toBe(expected.getText('content').toJSON());
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected));
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** Runs the contract against stores opened by `open`. */
export function runDocumentStoreContract(name: string, open: () => Promise<DocumentStoreFixture>, skipReason: string | null): void {
  describe.skipIf(skipReason !== null)(`document store contract: ${name}${skipReason ? ` (${skipReason})` : ''}`, () => {
    let fixture: DocumentStoreFixture;
    let store: DocumentStore;
    beforeAll(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    it('COLLAB-STORE1 appended updates load back byte-identical and in order; an unknown document is empty', async () => {
      expect(await store.load('bill:unknown')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      const first = await store.appendUpdates('bill:s1', [bytes(1, 2, 3), bytes(0)]);
      const second = await store.appendUpdates('bill:s1', [bytes(255, 0, 255)]);
      expect(second.lastUpdateId).toBeGreaterThan(first.lastUpdateId);
      const loaded = await store.load('bill:s1');
      expect(loaded).toEqual({ snapshot: null, updates: [bytes(1, 2, 3), bytes(0), bytes(255, 0, 255)], lastUpdateId: second.lastUpdateId });
      expect(loaded.updates.every((update) => update.constructor === Uint8Array)).toBe(true);
      expect(await store.pendingUpdates('bill:s1')).toBe(3);
    });

    it('COLLAB-STORE2 documents are isolated: loads, counts and compaction touch one name only', async () => {
      const a = editors(2);
      a.edit(20);
      await store.appendUpdates('bill:s2-a', a.take());
      await store.appendUpdates('amendment:s2-b', [bytes(9)]);
      await store.compact('bill:s2-a');
      expect(await store.load('amendment:s2-b')).toMatchObject({ snapshot: null, updates: [bytes(9)] });
      expect(await store.pendingUpdates('amendment:s2-b')).toBe(1);
      expectSameDocument(rebuild(await store.load('bill:s2-a')), a.merged());
    });

    it('COLLAB-STORE3 compaction keeps the content identical and leaves nothing pending', async () => {
      const e = editors(3);
      let appended = 0;
      let lastUpdateId = 0;
      for (let round = 0; round < 6; round++) {
        e.edit(40);
        const batch = e.take();
        appended += batch.length;
        ({ lastUpdateId } = await store.appendUpdates('bill:s3', batch));
        if (round === 2) expect((await store.compact('bill:s3')).folded).toBe(appended);
      }
      const before = await store.pendingUpdates('bill:s3');
      expect(await store.compact('bill:s3')).toEqual({ folded: before });
      expect(await store.pendingUpdates('bill:s3')).toBe(0);
      expect(await store.compact('bill:s3')).toEqual({ folded: 0 });
      const loaded = await store.load('bill:s3');
      expect(loaded.updates).toEqual([]);
      expect(loaded.lastUpdateId).toBe(lastUpdateId);
      expectSameDocument(rebuild(loaded), e.merged());
    });

    it('COLLAB-STORE4 appends racing compactions are never lost', async () => {
      const e = editors(4);
      let appended = 0;
      let folded = 0;
      for (let round = 0; round < 5; round++) {
        const batches = Array.from({ length: 6 }, () => {
          e.edit(5);
          return e.take();
        }).filter((batch) => batch.length > 0);
        appended += batches.reduce((n, batch) => n + batch.length, 0);
        const [compacted] = await Promise.all([store.compact('bill:s4'), ...batches.map((batch) => store.appendUpdates('bill:s4', batch))]);
        folded += compacted.folded;
      }
      expect(folded + (await store.pendingUpdates('bill:s4'))).toBe(appended);
      expectSameDocument(rebuild(await store.load('bill:s4')), e.merged());
    });

    it('COLLAB-STORE5 concurrent compactions of one document fold each update exactly once', async () => {
      const e = editors(5);
      e.edit(60);
      const updates = e.take();
      await store.appendUpdates('bill:s5', updates);
      const results = await Promise.all([store.compact('bill:s5'), store.compact('bill:s5'), store.compact('bill:s5')]);
      expect(results.reduce((n, r) => n + r.folded, 0)).toBe(updates.length);
      expectSameDocument(rebuild(await store.load('bill:s5')), e.merged());
    });

    it('COLLAB-STORE6 an empty batch or a zero-length update is refused and stores nothing', async () => {
      await expect(store.appendUpdates('bill:s6', [])).rejects.toBeInstanceOf(InvalidDocumentUpdateError);
      await expect(store.appendUpdates('bill:s6', [bytes(1), new Uint8Array(0), bytes(2)])).rejects.toBeInstanceOf(InvalidDocumentUpdateError);
      expect(await store.pendingUpdates('bill:s6')).toBe(0);
      expect(await store.load('bill:s6')).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
    });

    it('COLLAB-STORE8 initialising a new document stores its first content once, even when racing', async () => {
      const results = await Promise.all([1, 2, 3].map((n) => store.initialize('bill:s8', bytes(8, n))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await store.load('bill:s8');
      expect(stored.updates).toHaveLength(1);
      // A document with content (in its log or only in a snapshot) is never initialised again.
      expect(await store.initialize('bill:s8', bytes(8, 9))).toBe(false);
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'déjà là');
      await store.appendUpdates('bill:s8b', [Y.encodeStateAsUpdate(doc)]);
      await store.compact('bill:s8b');
      expect(await store.initialize('bill:s8b', bytes(2))).toBe(false);
      expect((await store.load('bill:s8b')).updates).toEqual([]);
    });

    it('COLLAB-STORE9 the head id follows appends and survives compaction', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (const word of ['un ', 'deux ', 'trois ']) doc.getText('t').insert(0, word);
      expect(await store.headUpdateId('bill:s9')).toBe(0);
      const { lastUpdateId } = await store.appendUpdates('bill:s9', updates.slice(0, 2));
      expect(await store.headUpdateId('bill:s9')).toBe(lastUpdateId);
      await store.compact('bill:s9');
      expect(await store.headUpdateId('bill:s9')).toBe(lastUpdateId);
      const next = await store.appendUpdates('bill:s9', updates.slice(2));
      expect(await store.headUpdateId('bill:s9')).toBe(next.lastUpdateId);
      expect(next.lastUpdateId).toBeGreaterThan(lastUpdateId);
    });

    it('COLLAB-STORE10 owners of client ids are recorded with their commit; the first owner of a client id stands', async () => {
      expect(await store.authors('bill:s10')).toEqual(new Map());
      const alice: ClientAuthor = { kind: 'user', id: 'alice', actorId: null };
      const adopted: ClientAuthor = { kind: 'amendment', id: 'amendment-1', actorId: 'rapporteur' };
      await store.appendUpdates('bill:s10', [bytes(1)], [{ clientId: 7, ...alice }, { clientId: 4_294_967_295, ...adopted }]);
      // Another claim on a client id already owned changes nothing; a batch without owners records none.
      await store.appendUpdates('bill:s10', [bytes(2)], [{ clientId: 7, kind: 'user', id: 'mallory', actorId: null }]);
      await store.appendUpdates('bill:s10', [bytes(3)]);
      await store.appendUpdates('amendment:s10', [bytes(4)], [{ clientId: 8, ...alice }]);
      expect(await store.authors('bill:s10')).toEqual(
        new Map<number, ClientAuthor>([
          [7, alice],
          [4_294_967_295, adopted],
        ]),
      );
      expect((await store.load('bill:s10')).updates).toEqual([bytes(1), bytes(2), bytes(3)]);
    });

    it('COLLAB-STORE7 a batch the backend rejects stores nothing, not even the updates before the rejected one', async () => {
      await store.appendUpdates('bill:s7', [bytes(7)]);
      const poison = bytes(0xde, 0xad, 0xbe, 0xef);
      await fixture.rejectInBackend(poison);
      // Many updates, the rejected one near the end.
      const batch = Array.from({ length: 2_500 }, (_, i) => bytes(1, i & 0xff, i >> 8));
      const failure: unknown = await store.appendUpdates('bill:s7', [...batch.slice(0, 2_400), poison, ...batch.slice(2_400)], [{ clientId: 77, kind: 'user', id: 'u', actorId: null }]).then(
        () => null,
        (error: unknown) => error,
      );
      // It must be the backend that refused (the store's own checks pass this batch).
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(InvalidDocumentUpdateError);
      expect(await store.load('bill:s7')).toMatchObject({ updates: [bytes(7)] });
      expect(await store.authors('bill:s7')).toEqual(new Map());
      await store.appendUpdates('bill:s7', batch);
      expect(await store.pendingUpdates('bill:s7')).toBe(1 + batch.length);
    });
  });
}
