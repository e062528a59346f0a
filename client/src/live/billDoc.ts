/**
 * A bill's official working text, live: the stock y-websocket provider on `/collab/bill:<id>`. Anonymous readers
 * connect without a ticket; signed-in users get a two-minute ticket (write access for the bill's rapporteurs) and a
 * fresh one whenever the socket closes, since the provider would otherwise retry with an expired one.
 */
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { formatDocumentName } from '../../../shared/collab/documentName.ts';
import type { BillId } from '../../../shared/ids.ts';
import { frameBatchedState, openTicketedProvider } from './ticketedProvider.ts';

/** An article of the live text. */
export interface LiveArticle {
  id: string;
  number: string;
  text: string;
  ytext: Y.Text;
}

/** Someone editing the text (writers' presence is relayed with the identity the server set). */
export interface Writer {
  clientId: number;
  name: string;
  role: string;
  color: string;
}

/** Who is here: readers are only counted by the server; writers are listed. */
export interface Presence {
  readers: number;
  writers: Writer[];
}

/** The connection's state as the UI shows it. */
export interface BillDocState {
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  access: 'read' | 'write';
  articles: LiveArticle[];
  presence: Presence;
  /** A close code that ends the connection for good (unknown document…). */
  fatal: number | null;
}

/** The articles as they read now. */
export function readArticles(doc: Y.Doc): LiveArticle[] {
  return articlesOf(doc)
    .toArray()
    .flatMap((map) => {
      const ytext = map.get('text');
      if (!(ytext instanceof Y.Text)) return [];
      return [{ id: String(map.get('id')), number: String(map.get('number')), text: ytext.toJSON(), ytext }];
    });
}

/** Presence from the awareness states: each server node's counts, and writers' states. */
export function readPresence(provider: WebsocketProvider): Presence {
  let readers = 0;
  const writers: Writer[] = [];
  for (const [clientId, state] of provider.awareness.getStates()) {
    if (clientId === provider.awareness.clientID) continue;
    const counts = (state as { presence?: { readers?: unknown } }).presence;
    if (counts && typeof counts.readers === 'number') readers += counts.readers;
    const user = (state as { user?: Partial<Writer> }).user;
    if (user && typeof user.name === 'string') writers.push({ clientId, name: user.name, role: String(user.role ?? ''), color: String(user.color ?? '#1f4e8c') });
  }
  return { readers, writers };
}

/** An open connection to a bill's document. */
export interface BillDocConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The state now, and each change (batched per animation frame: typing must not re-render per keystroke). */
  state(): BillDocState;
  subscribe(listener: (state: BillDocState) => void): () => void;
  destroy(): void;
}

/** Connects to `bill:<billId>`; `signedIn` decides whether a ticket is asked for. */
export function connectBillDoc(billId: string, signedIn: boolean): BillDocConnection {
  const doc = new Y.Doc();
  const name = formatDocumentName({ kind: 'bill', billId: billId as BillId });
  const state = frameBatchedState<BillDocState>({ status: 'connecting', synced: false, access: 'read', articles: [], presence: { readers: 0, writers: [] }, fatal: null });
  const { provider, destroy } = openTicketedProvider(name, doc, {
    signedIn,
    onAccess: (access) => state.update({ access }),
    onFatal: (fatal) => state.update({ fatal, status: 'disconnected' }),
  });

  articlesOf(doc).observeDeep(() => state.update({ articles: readArticles(doc) }));
  provider.on('status', ({ status }: { status: BillDocState['status'] }) => state.update({ status }));
  provider.on('sync', (synced: boolean) => state.update({ synced, articles: readArticles(doc) }));
  provider.awareness.on('change', () => state.update({ presence: readPresence(provider) }));

  return {
    doc,
    provider,
    state: state.get,
    subscribe: state.subscribe,
    destroy() {
      state.destroy();
      destroy();
      doc.destroy();
    },
  };
}
