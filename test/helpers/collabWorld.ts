/**
 * A server with the people the collaboration suites need: an admin who creates bills, parliamentarians named
 * rapporteurs of every bill made through `newBill()`, and a citizen; plus direct views of the server's document
 * (the live Y.Doc in the registry, and what the store holds) to check what a client could not tell.
 */
import * as Y from 'yjs';
import { SqlDocumentStore } from '../../server/collab/index.ts';
import type { Me } from '../../shared/api/users.ts';
import { adminClient, ADMIN_ENV, createBill, makeParliamentarian, signUp } from './apiFixtures.ts';
import type { StorageTarget } from './storageTargets.ts';
import { type ApiClient, startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

/** A parliamentarian who is rapporteur of every bill of the world. */
export interface Rapporteur {
  client: ApiClient;
  me: Me;
}

/** A running server and its cast. */
export interface CollabWorld {
  server: TestServer;
  url: string;
  admin: ApiClient;
  rapporteurs: Rapporteur[];
  citizen: ApiClient;
  store: SqlDocumentStore;
  /** Creates a bill with every rapporteur named; returns its document name `bill:<id>`. */
  newBill(): Promise<string>;
}

/** Starts a server on `target` with `rapporteurs` parliamentarians and one citizen. */
export async function startCollabWorld(
  target: StorageTarget,
  { rapporteurs = 2, env = {}, options = {} }: { rapporteurs?: number; env?: Record<string, string>; options?: TestServerOptions } = {},
): Promise<CollabWorld> {
  const server = await startTestServer(target, { ...ADMIN_ENV, ...env }, options);
  try {
    const admin = await adminClient(server.url);
    const cast: Rapporteur[] = [];
    for (let i = 0; i < rapporteurs; i++) {
      const { client } = await makeParliamentarian(server.url, admin);
      const me = await client.get<Me>('/me');
      cast.push({ client, me: me.body });
    }
    const { client: citizen } = await signUp(server.url);
    return {
      server,
      url: server.url,
      admin,
      rapporteurs: cast,
      citizen,
      store: new SqlDocumentStore(server.app.storage.db),
      async newBill() {
        const bill = await createBill(admin);
        for (const { me } of cast) {
          const granted = await admin.put(`/bills/${bill.id}/rapporteurs/${me.id}`);
          if (granted.status !== 204) throw new Error(`naming a rapporteur failed: ${granted.status}`);
        }
        return `bill:${bill.id}`;
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The document as the store holds it (snapshot, then every update), rebuilt in a fresh Y.Doc. */
export async function storedDocument(world: CollabWorld, document: string): Promise<Y.Doc> {
  const stored = await world.store.load(document);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** Total bytes the store holds for the document. */
export async function storedBytes(world: CollabWorld, document: string): Promise<number> {
  const stored = await world.store.load(document);
  return (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, update) => sum + update.length, 0);
}

/** The server's live Y.Doc of the document (throws if it is not loaded). */
export async function liveDoc(world: CollabWorld, document: string): Promise<Y.Doc> {
  const loaded = await world.server.app.collab.registry.loaded();
  const live = loaded.find((candidate) => candidate.name === document);
  if (!live) throw new Error(`${document} is not loaded`);
  return live.doc;
}

/** The Y.Text of article `index` of a bill document. */
export function articleText(doc: Y.Doc, index: number): Y.Text {
  const article = doc.getArray<Y.Map<unknown>>('articles').get(index);
  return article.get('text') as Y.Text;
}

/** The update that `edit` makes to `doc` (captured, so it can be sent by hand). */
export function captureUpdate(doc: Y.Doc, edit: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit();
  return Y.encodeStateAsUpdate(doc, before);
}

/** `GET /health` answers ok. */
export async function healthy(url: string): Promise<boolean> {
  const response = await fetch(`${url}/health`);
  const body = (await response.json()) as { ok?: boolean };
  return response.status === 200 && body.ok === true;
}
