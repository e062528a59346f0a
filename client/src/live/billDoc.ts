/**
 * A bill's official working text, live: the stock y-websocket provider on `/collab/bill:<id>`. Anonymous readers
 * connect without a ticket; signed-in users get a two-minute ticket (write access for the bill's rapporteurs) and a
 * fresh one whenever the socket closes, since the provider would otherwise retry with an expired one.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { articlesOf } from '../../../shared/collab/billDocument.ts';
import { CloseCode } from '../../../shared/collab/closeCodes.ts';
import { formatDocumentName } from '../../../shared/collab/documentName.ts';
import type { BillId } from '../../../shared/ids.ts';
import { requestTicket } from '../api/collab.ts';

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

// Closes after which reconnecting cannot help.
const FINAL_CLOSES = new Set<number>([CloseCode.unknownDocument, CloseCode.malformedPath]);

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

const collabBase = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;

/** Connects to `bill:<billId>`; `signedIn` decides whether a ticket is asked for. */
export function connectBillDoc(billId: string, signedIn: boolean): BillDocConnection {
  const doc = new Y.Doc();
  const name = formatDocumentName({ kind: 'bill', billId: billId as BillId });
  // Signed-in users never let the provider retry by itself: each attempt needs a fresh ticket (see `closed` below).
  const shouldReconnect = (event: CloseEvent) => !signedIn && !FINAL_CLOSES.has(event.code);
  const provider = new WebsocketProvider(collabBase(), name, doc, { connect: false, disableBc: true, maxBackoffTime: 5_000, shouldReconnect });
  const listeners = new Set<(state: BillDocState) => void>();
  let current: BillDocState = { status: 'connecting', synced: false, access: 'read', articles: [], presence: { readers: 0, writers: [] }, fatal: null };
  let frame = 0;
  let destroyed = false;

  const update = (patch: Partial<BillDocState>) => {
    current = { ...current, ...patch };
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const listener of [...listeners]) listener(current);
    });
  };

  const connect = async () => {
    if (signedIn) {
      try {
        const ticket = await requestTicket(name);
        provider.params = { ticket: ticket.ticket };
        current = { ...current, access: ticket.access };
      } catch {
        // Without a ticket the socket is an anonymous reader: the text still shows.
        provider.params = {};
      }
    }
    if (!destroyed) provider.connect();
  };

  articlesOf(doc).observeDeep(() => update({ articles: readArticles(doc) }));
  provider.on('status', ({ status }: { status: BillDocState['status'] }) => update({ status }));
  provider.on('sync', (synced: boolean) => update({ synced, articles: readArticles(doc) }));
  provider.awareness.on('change', () => update({ presence: readPresence(provider) }));
  let attempts = 0;
  provider.on('sync', (synced: boolean) => {
    if (synced) attempts = 0;
  });
  provider.on('closed', ({ code }: { code: number }) => {
    if (FINAL_CLOSES.has(code)) {
      update({ fatal: code, status: 'disconnected' });
      return;
    }
    // An expired ticket, changed rights or a restarting server: retry with a fresh ticket, backing off.
    attempts += 1;
    setTimeout(() => void connect(), Math.min(5_000, 250 * 2 ** attempts));
  });
  void connect();

  return {
    doc,
    provider,
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      provider.destroy();
      doc.destroy();
    },
  };
}
