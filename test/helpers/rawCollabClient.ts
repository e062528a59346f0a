/**
 * A raw collaboration client: a `ws` socket speaking the y-websocket protocol byte by byte, encoded with lib0 and
 * y-protocols' layouts. It records every frame the server sends, keeps a Y.Doc of what the server synced, and can
 * send anything (crafted updates, hostile bytes, text frames). With `autoSync` it behaves like a well-behaved
 * client: sync step 1 on open, sync step 2 on the server's step 1, and its own doc's edits as updates.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { waitFor } from './collabClients.ts';

/** Transaction origin of what the server sent (never sent back). */
export const FROM_SERVER = 'server';

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** One entry of an awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A frame received from the server, decoded. */
export type ReceivedFrame =
  | { kind: 'sync'; syncType: number; payload: Uint8Array }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'other'; messageType: number };

/** How to open a raw socket. */
export interface RawOptions {
  ticket?: string;
  /** Sent as the Origin header (none by default, like a non-browser client). */
  origin?: string;
  autoSync?: boolean;
}

const encode = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** A sync frame (`[0, syncType, varUint8Array payload]`). */
export const syncFrame = (syncType: number, payload: Uint8Array): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });

/** An awareness update's body in y-protocols' layout. */
export const awarenessUpdate = (entries: AwarenessEntry[]): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { clientId, clock, state } of entries) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, JSON.stringify(state));
    }
  });

/** An awareness frame (`[1, varUint8Array update]`). */
export const awarenessFrame = (entries: AwarenessEntry[]): Uint8Array =>
  encode((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate(entries));
  });

/** A query-awareness frame: the server answers with every awareness state it relays. */
export const queryAwarenessFrame = (): Uint8Array => encode((e) => encoding.writeVarUint(e, MessageType.queryAwareness));

function decodeAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count--) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return entries;
}

function decodeFrame(bytes: Uint8Array): ReceivedFrame {
  const decoder = decoding.createDecoder(bytes);
  const messageType = decoding.readVarUint(decoder);
  if (messageType === MessageType.sync) {
    const syncType = decoding.readVarUint(decoder);
    return { kind: 'sync', syncType, payload: decoding.readVarUint8Array(decoder) };
  }
  if (messageType === MessageType.awareness) return { kind: 'awareness', entries: decodeAwareness(decoding.readVarUint8Array(decoder)) };
  return { kind: 'other', messageType };
}

/** Polls until `get` gives a value. */
const until = <T>(get: () => T | null | undefined, timeoutMs: number, what: string): Promise<T> =>
  waitFor(() => {
    const value = get();
    if (value === null || value === undefined) throw new Error(`still waiting for ${what}`);
    return value;
  }, timeoutMs);

const wsUrl = (baseUrl: string, path: string, ticket?: string) =>
  `${baseUrl.replace(/^http/, 'ws')}${path}${ticket === undefined ? '' : `?ticket=${encodeURIComponent(ticket)}`}`;

/** A raw socket on the collaboration endpoint. */
export class RawCollabClient {
  readonly frames: ReceivedFrame[] = [];
  readonly doc = new Y.Doc();
  /** Latest awareness entry per client id, as the server announced it (state null: removed). */
  readonly awareness = new Map<number, { clock: number; state: unknown }>();
  closeEvent: { code: number; reason: string } | null = null;

  private constructor(
    readonly socket: WebSocket,
    private readonly autoSync: boolean,
  ) {
    socket.on('message', (data: Buffer, isBinary) => {
      if (isBinary) this.#receive(new Uint8Array(data));
    });
    socket.on('close', (code, reason) => {
      this.closeEvent = { code, reason: reason.toString() };
    });
    socket.on('error', () => undefined);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.autoSync && origin !== FROM_SERVER) this.send(syncFrame(SyncType.update, update));
    });
  }

  /** Opens `/collab/<document>` (or any `path` starting with `/`); resolves once the socket is open. */
  static async open(baseUrl: string, documentOrPath: string, options: RawOptions = {}): Promise<RawCollabClient> {
    const path = documentOrPath.startsWith('/') ? documentOrPath : `/collab/${documentOrPath}`;
    const socket = new WebSocket(wsUrl(baseUrl, path, options.ticket), options.origin === undefined ? {} : { origin: options.origin });
    const client = new RawCollabClient(socket, options.autoSync ?? false);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: HTTP ${response.statusCode}`)));
      socket.once('error', reject);
    });
    if (client.autoSync) client.requestState();
    return client;
  }

  /** The HTTP status of a refused upgrade (throws if the upgrade succeeds). */
  static async refusedStatus(baseUrl: string, path: string, options: RawOptions = {}): Promise<number> {
    const socket = new WebSocket(wsUrl(baseUrl, path, options.ticket), options.origin === undefined ? {} : { origin: options.origin });
    socket.on('error', () => undefined);
    return new Promise<number>((resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      });
      socket.once('open', () => {
        socket.close();
        reject(new Error(`upgrade to ${path} was accepted`));
      });
    });
  }

  /** Opens a socket and resolves with the close code the server ends it with. */
  static async closeCodeOf(baseUrl: string, documentOrPath: string, options: RawOptions = {}): Promise<number> {
    const client = await RawCollabClient.open(baseUrl, documentOrPath, options);
    return client.closed();
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a binary frame. */
  send(bytes: Uint8Array): void {
    if (this.isOpen) this.socket.send(bytes, { binary: true });
  }

  /** Sends sync step 1 (this doc's state vector): the server answers with sync step 2, what this doc lacks. */
  requestState(): void {
    this.send(syncFrame(SyncType.step1, Y.encodeStateVector(this.doc)));
  }

  /** Sends a text frame (not part of the protocol). */
  sendText(text: string): void {
    this.socket.send(text, { binary: false });
  }

  /** Resolves with the close code once the socket is closed. */
  async closed(timeoutMs = 5_000): Promise<number> {
    const event = await until(() => this.closeEvent, timeoutMs, 'the socket to close');
    return event.code;
  }

  /** Resolves once the server has sent a frame matching `match` (returns it). */
  frame(match: (frame: ReceivedFrame) => boolean, timeoutMs = 5_000): Promise<ReceivedFrame> {
    return until(() => this.frames.find(match), timeoutMs, 'a matching frame');
  }

  /** Resolves once the server's full state (sync step 2) has been applied. */
  async synced(): Promise<void> {
    await this.frame((f) => f.kind === 'sync' && f.syncType === SyncType.step2);
  }

  /** The current (non-removed) awareness states announced by the server. */
  states(): Map<number, unknown> {
    return new Map([...this.awareness].filter(([, entry]) => entry.state !== null).map(([id, entry]) => [id, entry.state]));
  }

  /** Closes the socket (normal closure) and resolves once it is closed. */
  async close(): Promise<void> {
    if (this.closeEvent === null) {
      this.socket.close();
      await this.closed();
    }
    this.doc.destroy();
  }

  #receive(bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    this.frames.push(frame);
    if (frame.kind === 'sync') {
      if (frame.syncType === SyncType.step1) {
        if (this.autoSync) this.send(syncFrame(SyncType.step2, Y.encodeStateAsUpdate(this.doc, frame.payload)));
      } else Y.applyUpdate(this.doc, frame.payload, FROM_SERVER);
    } else if (frame.kind === 'awareness') {
      for (const { clientId, clock, state } of frame.entries) {
        const known = this.awareness.get(clientId);
        if (!known || known.clock < clock || (known.clock === clock && state === null)) this.awareness.set(clientId, { clock, state });
      }
    }
  }
}
