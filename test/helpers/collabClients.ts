/**
 * Real collaboration clients for tests: the stock y-websocket WebsocketProvider (what browsers use), and
 * a raw socket speaking the protocol byte by byte, to send what no well-behaved client would.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CollabTicket } from '../../shared/api/collab.ts';
import type { ApiClient } from './testServer.ts';

/** Polls `check` until it holds (or throws the last failure after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value;
      throw new Error('condition not met');
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** A ticket for the document, for whoever the client is signed in as. */
export async function ticketFor(client: ApiClient, document: string): Promise<CollabTicket> {
  const response = await client.post<CollabTicket>('/collab/tickets', { document });
  if (response.status !== 200) throw new Error(`ticket refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A stock WebsocketProvider on its own Y.Doc, connected to `/collab/<document>`. */
export function connectProvider(baseUrl: string, document: string, ticket?: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/collab`, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: ticket ? { ticket } : {},
    // Providers of one process would otherwise exchange edits and awareness over BroadcastChannel (global in
    // Node), bypassing the server: a reader could then "receive" an edit the server never relayed.
    disableBc: true,
    // A test decides itself when to reconnect.
    maxBackoffTime: 200,
  });
  return { doc, provider };
}

/** Resolves once the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  return provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', () => resolve()));
}

/** The article texts of a bill document, in order. */
export function articleTexts(doc: Y.Doc): string[] {
  return doc
    .getArray<Y.Map<unknown>>('articles')
    .toArray()
    .map((article) => (article.get('text') as Y.Text).toJSON());
}

/** The close codes a provider's sockets received, in order (the provider reconnects by itself in between). */
export function recordCloseCodes(provider: WebsocketProvider): number[] {
  const codes: number[] = [];
  provider.on('connection-close', (event: unknown) => {
    const code = (event as { code?: unknown } | null)?.code;
    if (typeof code === 'number') codes.push(code);
  });
  return codes;
}
