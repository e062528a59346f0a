/**
 * Edits for the durability, multi-node and convergence suites: a bill with a rapporteur to write it, a seeded
 * PRNG, and streams of edits that each insert a unique marker (`<a17>`), so a test can tell exactly which edits
 * a document holds and whether any of them is there twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Bill } from '../../shared/api/bills.ts';
import { adminClient, createBill, makeParliamentarian } from './apiFixtures.ts';
import { articleTexts, connectProvider, synced, waitFor } from './collabClients.ts';
import { mulberry32, randomInt } from './random.ts';
import type { ApiClient } from './testServer.ts';

/** A bill whose document `bill:<id>` the rapporteur may write (everyone else reads it). */
export interface CollabBill {
  admin: ApiClient;
  bill: Bill;
  document: string;
  rapporteur: ApiClient;
}

/** Creates a bill through the API of the server at `url` and names a new parliamentarian its rapporteur. */
export async function setupCollabBill(url: string, admin?: ApiClient): Promise<CollabBill> {
  const client = admin ?? (await adminClient(url));
  const bill = await createBill(client);
  const parliamentarian = await makeParliamentarian(url, client);
  const granted = await client.put(`/bills/${bill.id}/rapporteurs/${parliamentarian.id}`);
  if (granted.status !== 204) throw new Error(`naming the rapporteur failed: ${granted.status} ${JSON.stringify(granted.body)}`);
  return { admin: client, bill, document: `bill:${bill.id}`, rapporteur: parliamentarian.client };
}

export { mulberry32, randomInt };

/** The `text` of every article of a bill document, in order. */
export function articleTextsOf(doc: Y.Doc): Y.Text[] {
  return doc
    .getArray<Y.Map<unknown>>('articles')
    .toArray()
    .map((article) => article.get('text') as Y.Text);
}

const MARKER = /<([a-z]+\d+)>/g;

/** How many times each marker occurs in the document's articles. */
export function markerCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of articleTexts(doc)) for (const [, marker] of text.matchAll(MARKER)) counts.set(marker as string, (counts.get(marker as string) ?? 0) + 1);
  return counts;
}

/** The markers a document holds (each once or more). */
export const markersOf = (doc: Y.Doc): string[] => [...markerCounts(doc).keys()];

/** Asserts `doc` holds every marker of `expected` exactly once, and no marker twice. */
export function expectEachOnce(doc: Y.Doc, expected: Iterable<string>, label = 'document'): void {
  const counts = markerCounts(doc);
  const missing = [...expected].filter((marker) => !counts.has(marker));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([marker]) => marker);
  expect({ missing, duplicated }, label).toEqual({ missing: [], duplicated: [] });
}

/** Inserts `<marker>` into a random article, at its start, its end or right after another marker (never inside one). */
export function insertMarker(doc: Y.Doc, marker: string, random: () => number): void {
  const texts = articleTextsOf(doc);
  const text = texts[randomInt(random, texts.length)] as Y.Text;
  const content = text.toJSON();
  const boundaries = [0, content.length];
  for (let i = content.indexOf('>'); i !== -1; i = content.indexOf('>', i + 1)) boundaries.push(i + 1);
  text.insert(boundaries[randomInt(random, boundaries.length)] as number, `<${marker}>`);
}

/** A writer typing markers `<prefix0>`, `<prefix1>`… one edit (one update, one message) at a time. */
export interface EditStream {
  /** The markers inserted so far, in order. */
  readonly sent: string[];
  /** Resolves when the stream has sent everything or was stopped. */
  readonly finished: Promise<void>;
  /** Stops typing; resolves once the stream has stopped. */
  stop(): Promise<void>;
}

/**
 * Types `count` markers into `doc`, one every `intervalMs` (the endpoint allows 100 messages per second per
 * socket, and the stock provider sends one per edit), whether or not the provider is connected.
 */
export function streamEdits(doc: Y.Doc, prefix: string, options: { count: number; intervalMs?: number; seed?: number }): EditStream {
  const random = mulberry32(options.seed ?? prefix.charCodeAt(0));
  const sent: string[] = [];
  let stopped = false;
  const finished = (async () => {
    // A destroyed document (test over, possibly failed) ends the stream too.
    for (let i = 0; i < options.count && !stopped && !doc.isDestroyed; i += 1) {
      const marker = `${prefix}${i}`;
      insertMarker(doc, marker, random);
      sent.push(marker);
      await sleep(options.intervalMs ?? 15);
    }
  })();
  return {
    sent,
    finished,
    async stop() {
      stopped = true;
      await finished;
    },
  };
}

/** Stock providers opened by a test, all destroyed by `destroyAll()` (call it in `afterEach`). */
export class ProviderPool {
  readonly #clients: { doc: Y.Doc; provider: WebsocketProvider }[] = [];

  /** A provider on its own Y.Doc (a reader without ticket), not yet synced. */
  connect(url: string, document: string, ticket?: string): { doc: Y.Doc; provider: WebsocketProvider } {
    const client = connectProvider(url, document, ticket);
    this.#clients.push(client);
    return client;
  }

  /** A new anonymous reader's document, once synced with the server. */
  async fresh(url: string, document: string): Promise<Y.Doc> {
    const reader = this.connect(url, document);
    await synced(reader.provider);
    return reader.doc;
  }

  /** Destroys every provider opened so far, and its document (which ends edit streams typing into it). */
  destroyAll(): void {
    for (const { doc, provider } of this.#clients.splice(0)) {
      provider.destroy();
      doc.destroy();
    }
  }
}

/** Waits until every document has the same article texts, holding each of `sent` exactly once. */
export async function expectConverged(docs: Y.Doc[], sent: readonly string[], timeoutMs = 10_000): Promise<void> {
  await waitFor(() => {
    const first = articleTexts(docs[0] as Y.Doc);
    docs.forEach((doc, index) => expect(articleTexts(doc), `replica ${index}`).toEqual(first));
    docs.forEach((doc, index) => expectEachOnce(doc, sent, `replica ${index}`));
  }, timeoutMs);
}
