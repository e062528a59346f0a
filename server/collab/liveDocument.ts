/**
 * A document open on this node: its Y.Doc, the sockets attached to it, and the rule that makes it durable:
 * a client's update is stored first, then applied and broadcast. The Y.Doc therefore only ever holds
 * committed state, and what any client receives (live or when joining) is already in the database.
 */
import * as random from 'lib0/random';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import type { Bus } from '../bus/index.ts';
import { CommitQueue, type Pending } from './commitQueue.ts';
import type { Connection, ConnectionHost } from './connection.ts';
import { documentChannel, encodeFanout, type FanoutMessage, REMOTE } from './fanout.ts';
import type { CollabLimits } from './limits.ts';
import type { CollabMetrics } from './metrics.ts';
import { Presence } from './presence.ts';
import { type ClientMessage, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate, updateChanges } from './protocol.ts';
import type { ClientAuthor, ClientAuthorRecord, DocumentStore, StoredDocument } from './store/documentStore.ts';


/** What every document on a node shares: where updates are stored and fanned out, limits, logs, counters. */
export interface NodeServices {
  store: DocumentStore;
  bus: Bus;
  nodeId: string;
  limits: CollabLimits;
  logger: Logger;
  metrics: CollabMetrics;
}

/** What a live document needs from its node. */
export interface LiveDocumentDeps extends NodeServices {
  /** Called when the last connection leaves, so the registry can unload the document. */
  onIdle(document: LiveDocument): void;
  /** Called when this node evidently missed an update, so the registry rereads the document from the store. */
  onGap(document: LiveDocument): void;
  /** Called after each batch of this node's updates is committed and applied. */
  onCommitted(document: LiveDocument): void;
}

/**
 * An edit made by the server itself (adopting an amendment): it waits in the commit queue like a client's
 * update, and settles once committed (with the commit id) or refused.
 */
export class ServerEdit {
  readonly done: Promise<number>;
  #resolve!: (commitId: number) => void;
  #reject!: (error: Error) => void;

  constructor() {
    this.done = new Promise<number>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  committed(commitId: number): void {
    this.#resolve(commitId);
  }

  /** Same signature as Connection.close, which is what the queue calls when storage fails. */
  close(code: CloseCode): void {
    this.#reject(new Error(`server edit not stored (close code ${code})`));
  }
}

/** Whoever submitted an update: a client's connection, or the server. */
type Submitter = Connection | ServerEdit;

// Compaction is worth it once this many updates sit in the log (load time grows with their number).
const COMPACT_AFTER = 500;
// What almost every update brings: no client id this node has not recorded yet.
const NO_AUTHORS: readonly ClientAuthorRecord[] = [];

/** One open document. */
export class LiveDocument implements ConnectionHost {
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  readonly presence: Presence;
  /** Id of the last stored update this node has applied. */
  lastUpdateId = 0;
  #storedBytes = 0;
  #sinceCompaction = 0;
  // Frames every joiner gets, encoded once per document state instead of once per join (a join storm on a large
  // bill would otherwise walk its whole struct store per socket). Both are dropped on every change of the Y.Doc.
  #fullStateFrame: Uint8Array | null = null;
  #syncStep1Frame: Uint8Array | null = null;
  // Client ids whose owner this node has recorded (or is recording) for this document: each is written once per
  // node and load, in the commit of the first update carrying it, and then costs a set lookup per update.
  readonly #knownWriters = new Set<number>();
  readonly #queue: CommitQueue<Submitter>;

  constructor(
    readonly name: string,
    private readonly deps: LiveDocumentDeps,
  ) {
    this.#queue = new CommitQueue(deps.store, name, {
      committed: (batch, lastUpdateId, latencyMs) => this.#committed(batch, lastUpdateId, latencyMs),
      failed: (error, dropped) => this.#failed(error, dropped),
    });
    this.presence = new Presence(this.doc, {
      broadcast: (frame, except) => this.#broadcast(frame, except),
      publish: (update) => this.#publish({ kind: 'awareness', nodeId: deps.nodeId, update }),
      connections: () => this.connections,
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.#fullStateFrame = null;
      this.#syncStep1Frame = null;
      this.#broadcast(encodeSyncUpdate(update), origin);
    });
  }

  /** Applies what the store holds (on load, and to repair after missed bus messages). */
  applyStored(stored: StoredDocument): void {
    if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE);
    for (const update of stored.updates) Y.applyUpdate(this.doc, update, REMOTE);
    this.lastUpdateId = Math.max(this.lastUpdateId, stored.lastUpdateId);
    this.#storedBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((sum, u) => sum + u.length, 0);
    this.#sinceCompaction = stored.updates.length;
  }

  /** Applies a message from another node. */
  applyRemote(message: FanoutMessage): void {
    if (message.kind === 'update') {
      Y.applyUpdate(this.doc, message.update, REMOTE);
      this.lastUpdateId = Math.max(this.lastUpdateId, message.lastUpdateId);
      this.#storedBytes += message.update.length;
      // Yjs holds back an update whose predecessor never arrived: a message was lost (its node died between
      // commit and publish). The store has everything committed, so reread it.
      if (this.hasPending) this.deps.onGap(this);
    } else {
      this.presence.applyRemote(message.update);
    }
  }

  /** True when Yjs holds updates back for want of earlier ones this node never received. */
  get hasPending(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** Attaches a connection: it gets the server's state vector (to send what it has that we lack) and presence. */
  join(connection: Connection): void {
    this.connections.add(connection);
    connection.attach(this);
    this.#syncStep1Frame ??= encodeSyncStep1(Y.encodeStateVector(this.doc));
    connection.send(this.#syncStep1Frame);
    this.presence.joined(connection);
    this.deps.metrics.connectionOpened(this.name);
  }

  /** See ConnectionHost.leave. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    this.presence.left(connection);
    this.deps.metrics.connectionClosed(this.name);
    if (this.connections.size === 0) this.deps.onIdle(this);
  }

  /** See ConnectionHost.handle. */
  handle(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1':
        connection.send(this.#syncStep2For(message.stateVector));
        return;
      case 'syncStep2':
      case 'update':
        this.#receiveUpdate(connection, message.update);
        return;
      case 'awareness':
        this.presence.receive(connection, message.entries);
        return;
      case 'queryAwareness':
        this.presence.sendAll(connection);
        return;
      case 'auth':
        // Clients do not send permission messages; an old or odd client gets no answer rather than a close.
        return;
    }
  }

  /**
   * Applies `change` as the server's own edit: it is made on a copy of the committed state (under a client id of
   * its own, never used before in this document), and the resulting update goes through the commit queue like any
   * client's, so it is stored before anyone sees it. With `author`, that client id is recorded as theirs in the same
   * commit. Resolves with the commit id, or 0 when `change` changed nothing.
   */
  async applyServerEdit(change: (doc: Y.Doc) => void, author?: ClientAuthor): Promise<number> {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    while (copy.store.clients.has(copy.clientID) || this.#knownWriters.has(copy.clientID)) copy.clientID = random.uint32();
    const updates: Uint8Array[] = [];
    copy.on('update', (update: Uint8Array) => updates.push(update));
    copy.transact(() => change(copy));
    copy.destroy();
    if (updates.length === 0) return 0;
    const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    const edit = new ServerEdit();
    this.#storedBytes += update.length;
    this.deps.metrics.updateReceived(this.name, update.length);
    const authors = author ? [{ clientId: copy.clientID, ...author }] : [];
    for (const { clientId } of authors) this.#knownWriters.add(clientId);
    this.#queue.push(update, edit, authors);
    return edit.done;
  }

  /** Resolves once every accepted update is stored and applied. */
  flushed(): Promise<void> {
    return this.#queue.idle();
  }

  /** Closes every connection (with a named code) and frees the document. */
  async close(code: CloseCode): Promise<void> {
    for (const connection of [...this.connections]) connection.close(code);
    await this.#queue.idle();
    this.presence.destroy();
    this.doc.destroy();
  }

  #receiveUpdate(connection: Connection, update: Uint8Array): void {
    let changes: boolean;
    let writers: number[];
    try {
      // Fully decoded (it throws on garbage, which thus never reaches the store or the Y.Doc), and measured
      // against what the server holds: a reconnecting client resends its whole delete set.
      ({ changes, writers } = updateChanges(update, this.doc));
    } catch {
      connection.close(CloseCode.invalidUpdate);
      return;
    }
    if (!changes) return;
    if (!connection.canWrite) {
      // Read-only: never applied, never stored; the socket goes so a misbehaving client learns why.
      connection.close(CloseCode.readOnly);
      return;
    }
    if (this.#storedBytes + update.length > this.deps.limits.maxDocumentBytes) {
      connection.close(CloseCode.documentTooLarge);
      return;
    }
    this.#storedBytes += update.length;
    this.deps.metrics.updateReceived(this.name, update.length);
    this.#queue.push(update, connection, this.#newAuthors(writers, connection.claims.userId));
  }

  /** Owners to record for the client ids an update brings: those this node has not recorded yet, as the sender's. */
  #newAuthors(writers: readonly number[], userId: string | null): readonly ClientAuthorRecord[] {
    if (userId === null || writers.every((clientId) => this.#knownWriters.has(clientId))) return NO_AUTHORS;
    const authors: ClientAuthorRecord[] = [];
    for (const clientId of writers) {
      if (this.#knownWriters.has(clientId)) continue;
      this.#knownWriters.add(clientId);
      authors.push({ clientId, kind: 'user', id: userId, actorId: null });
    }
    return authors;
  }

  #committed(batch: Pending<Submitter>[], lastUpdateId: number, latencyMs: number): void {
    this.deps.metrics.persisted(this.name, batch.length, latencyMs);
    this.lastUpdateId = Math.max(this.lastUpdateId, lastUpdateId);
    // Stored: now apply (which broadcasts to this node's other sockets) and tell the other nodes.
    for (const { update, tag } of batch) {
      Y.applyUpdate(this.doc, update, tag);
      if (tag instanceof ServerEdit) tag.committed(lastUpdateId);
    }
    const merged = batch.length === 1 ? (batch[0] as Pending<Submitter>).update : Y.mergeUpdates(batch.map((p) => p.update));
    this.#publish({ kind: 'update', nodeId: this.deps.nodeId, lastUpdateId, update: merged });
    this.#sinceCompaction += batch.length;
    if (this.#sinceCompaction >= COMPACT_AFTER) {
      this.#sinceCompaction = 0;
      this.deps.store.compact(this.name).catch((error: unknown) => this.deps.logger.warn({ err: error, doc: this.name }, 'compaction failed'));
    }
    this.deps.onCommitted(this);
  }

  #failed(error: unknown, dropped: Pending<Submitter>[]): void {
    this.deps.logger.error({ err: error, doc: this.name, dropped: dropped.length }, 'could not store updates');
    // Nothing of theirs was applied or broadcast; closing makes their clients resend it when they reconnect.
    for (const { update, tag, authors } of dropped) {
      this.#storedBytes -= update.length;
      // Not recorded: the next update bringing these client ids records them.
      for (const { clientId } of authors ?? []) this.#knownWriters.delete(clientId);
      tag.close(CloseCode.unavailable);
    }
  }

  #syncStep2For(stateVector: Uint8Array): Uint8Array {
    // A new client (empty state vector) gets the cached encoding: joins cost a copy, not a re-encode.
    if (stateVector.length === 1 && stateVector[0] === 0) {
      this.#fullStateFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      return this.#fullStateFrame;
    }
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  #broadcast(frame: Uint8Array, except: unknown): void {
    for (const connection of this.connections) if (connection !== except) connection.send(frame);
  }

  #publish(message: FanoutMessage): void {
    this.deps.bus.publish(documentChannel(this.name), encodeFanout(message)).catch((error: unknown) => {
      // Other nodes repair from the database when their bus comes back; a failed publish loses nothing stored.
      this.deps.logger.warn({ err: error, doc: this.name }, 'fan-out publish failed');
    });
  }
}
