import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqlDocumentStore } from '../../server/collab/index.ts';
import { ADMIN_ENV } from '../helpers/apiFixtures.ts';
import { articleTexts, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { articleTextsOf, type CollabBill, mulberry32, ProviderPool, randomInt, setupCollabBill } from '../helpers/collabEdits.ts';
import { pgliteTarget } from '../helpers/storageTargets.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

// Replay one run with COLLAB17_SEED=<seed> (the seed is in each test's title).
const SEEDS = process.env.COLLAB17_SEED ? [Number(process.env.COLLAB17_SEED)] : [24_301, 20_260_101, 1];
const STEPS = 400;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';

type Writer = ReturnType<ProviderPool['connect']>;

/** One random step: mostly edits (online or offline), sometimes a disconnect or a reconnect; says which. */
async function randomStep(writers: Writer[], random: () => number): Promise<'disconnect' | 'connect' | 'online edit' | 'offline edit'> {
  const { doc, provider } = writers[randomInt(random, writers.length)] as Writer;
  const roll = random();
  let kind: 'disconnect' | 'connect' | 'online edit' | 'offline edit' = provider.shouldConnect ? 'online edit' : 'offline edit';
  if (roll < 0.08) {
    kind = provider.shouldConnect ? 'disconnect' : 'connect';
    if (provider.shouldConnect) provider.disconnect();
    else provider.connect();
  } else {
    const texts = articleTextsOf(doc);
    const text = texts[randomInt(random, texts.length)] as Y.Text;
    const at = randomInt(random, text.length + 1);
    if (roll < 0.7 || text.length === 0) {
      const length = 1 + randomInt(random, 6);
      text.insert(at, Array.from({ length }, () => LETTERS[randomInt(random, LETTERS.length)]).join(''));
    } else {
      const from = Math.min(at, text.length - 1);
      text.delete(from, Math.min(1 + randomInt(random, 5), text.length - from));
    }
  }
  // Sometimes let the network run before the next step, sometimes not: edits cross in flight.
  if (random() < 0.3) await sleep(randomInt(random, 8));
  return kind;
}

describe('COLLAB17 seeded random editing on a PGlite server', () => {
  const clients = new ProviderPool();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(pgliteTarget, ADMIN_ENV);
  });
  afterEach(() => clients.destroyAll());
  afterAll(() => server?.stop());

  // The seed's first draw gives the number of writers (2–4).
  const runs = SEEDS.map((seed) => ({ seed, writers: 2 + randomInt(mulberry32(seed), 3) }));

  it.each(runs)('COLLAB17 seed $seed: random inserts, deletes, disconnects and reconnects of $writers writers converge', async ({ seed }) => {
    const random = mulberry32(seed);
    const bill: CollabBill = await setupCollabBill(server.url);
    const writers: Writer[] = [];
    for (let i = 2 + randomInt(random, 3); i > 0; i -= 1) {
      writers.push(clients.connect(server.url, bill.document, (await ticketFor(bill.rapporteur, bill.document)).ticket));
    }
    await Promise.all(writers.map((writer) => synced(writer.provider)));
    const initial = articleTexts(writers[0]!.doc);

    const tally = new Map<string, number>();
    for (let step = 0; step < STEPS; step += 1) {
      const kind = await randomStep(writers, random);
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
    }
    // The seed must exercise what this rule is about: disconnects, reconnects and edits made offline.
    for (const kind of ['disconnect', 'connect', 'online edit', 'offline edit']) expect(tally.get(kind) ?? 0, kind).toBeGreaterThan(0);

    for (const writer of writers) writer.provider.connect();
    await Promise.all(writers.map((writer) => synced(writer.provider)));
    const reader = clients.connect(server.url, bill.document);
    const replicas = [...writers.map((writer) => writer.doc), reader.doc];
    await waitFor(() => {
      const expected = articleTexts(writers[0]!.doc);
      replicas.forEach((doc, index) => expect(articleTexts(doc), `replica ${index}`).toEqual(expected));
      // Same state vectors: every replica holds every writer's every edit, not merely the same visible text.
      const vector = Y.encodeStateVector(writers[0]!.doc);
      replicas.forEach((doc, index) => expect(Y.encodeStateVector(doc), `state vector of replica ${index}`).toEqual(vector));
    }, 15_000);
    const final = articleTexts(reader.doc);
    expect(final).not.toEqual(initial);

    // What the server stored rebuilds the same text.
    const stored = await new SqlDocumentStore(server.app.storage.db).load(bill.document);
    const rebuilt = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(articleTexts(rebuilt)).toEqual(final);
  });
});
