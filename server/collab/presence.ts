/**
 * Who is in a document. Writers' awareness (cursors, selections) is relayed to everyone, with the identity
 * the server took from their ticket; readers are only counted, so a press article's thousands of readers
 * cost no quadratic awareness traffic. Each node announces its counts as its own awareness state.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Connection } from './connection.ts';
import { REMOTE } from './fanout.ts';
import { encodeAwareness, type AwarenessEntry } from './protocol.ts';

/** Where presence frames go. */
export interface PresenceHooks {
  broadcast(frame: Uint8Array, except: unknown): void;
  publish(update: Uint8Array): void;
  connections(): ReadonlySet<Connection>;
}

// A client announces one awareness id per document; a few more tolerate reloads of the same tab.
const MAX_CLIENT_IDS_PER_CONNECTION = 4;
// Counts change with every join; announcing them at most this often keeps a join storm cheap.
const COUNTS_INTERVAL_MS = 1_000;
// An announcement is a frame to every socket, so a large audience hears of its counts less often: 1 ms per socket
// (at most ~1,000 frames a second spent on counts, however many readers churn), up to this bound.
const COUNTS_MS_PER_SOCKET = 1;
const MAX_COUNTS_INTERVAL_MS = 10_000;

/** Awareness of one live document. */
export class Presence {
  readonly awareness: awarenessProtocol.Awareness;
  #countsTimer: NodeJS.Timeout | null = null;
  // Every state, as sent to each joiner: encoded once per change of the states rather than once per join.
  #allStatesFrame: Uint8Array | null = null;

  constructor(
    doc: Y.Doc,
    private readonly hooks: PresenceHooks,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState({ presence: { readers: 0, writers: 0 } });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      // Any state, clock or removal changes the frame (Awareness announces all of them, renewals included).
      this.#allStatesFrame = null;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      hooks.broadcast(encodeAwareness(update), origin);
      if (origin !== REMOTE) hooks.publish(update);
    });
  }

  /** A new connection gets every known state (writers' cursors and each node's counts). */
  joined(connection: Connection): void {
    this.sendAll(connection);
    this.#scheduleCounts();
  }

  /** A leaving connection's states are removed everywhere. */
  left(connection: Connection): void {
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], connection);
    }
    this.#scheduleCounts();
  }

  /** Sends every known state to one connection. */
  sendAll(connection: Connection): void {
    if (this.#allStatesFrame === null) {
      const clients = [...this.awareness.getStates().keys()];
      if (clients.length === 0) return;
      this.#allStatesFrame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    }
    connection.send(this.#allStatesFrame);
  }

  /** A client's awareness message: writers' states are relayed with their server-set identity; readers' are not. */
  receive(connection: Connection, entries: AwarenessEntry[]): void {
    if (!connection.allowAwareness() || !connection.canWrite) return;
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (!connection.awarenessClients.has(entry.clientId)) {
        // Another connection's id, a live state (this node's counts, another node's writer), or too many ids:
        // refusing stops one writer from erasing or faking someone else's state.
        if (this.#taken(entry.clientId) || connection.awarenessClients.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
        connection.awarenessClients.add(entry.clientId);
      }
      if (entry.state === null) accepted.push(entry);
      else if (typeof entry.state === 'object' && !Array.isArray(entry.state)) {
        accepted.push({ ...entry, state: { ...entry.state, user: connection.claims.identity } });
      }
    }
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeEntries(accepted), connection);
  }

  /** Applies presence from another node. */
  applyRemote(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
  }

  /** Withdraws this node's states (others see its readers and writers leave). */
  destroy(): void {
    if (this.#countsTimer) clearTimeout(this.#countsTimer);
    this.awareness.destroy();
  }

  /** Whether an id belongs to someone: this node's own state, any live state, or another connection here. */
  #taken(clientId: number): boolean {
    if (clientId === this.awareness.clientID || this.awareness.getStates().has(clientId)) return true;
    for (const connection of this.hooks.connections()) if (connection.awarenessClients.has(clientId)) return true;
    return false;
  }

  #scheduleCounts(): void {
    if (this.#countsTimer) return;
    const audience = this.hooks.connections().size;
    const delay = Math.min(MAX_COUNTS_INTERVAL_MS, Math.max(COUNTS_INTERVAL_MS, audience * COUNTS_MS_PER_SOCKET));
    this.#countsTimer = setTimeout(() => {
      this.#countsTimer = null;
      let readers = 0;
      let writers = 0;
      for (const connection of this.hooks.connections()) {
        if (connection.canWrite) writers += 1;
        else readers += 1;
      }
      this.awareness.setLocalState({ presence: { readers, writers } });
    }, delay);
  }
}

/** Encodes awareness entries in y-protocols' layout. */
function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
