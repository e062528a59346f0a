/**
 * The documents open on this node: loaded from the store on first use (seeded once if new), kept in step
 * with other nodes through the bus, repaired from the store when the bus may have dropped messages, and
 * unloaded when nobody has been connected for a while.
 */
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { type DocumentName, formatDocumentName } from '../../shared/collab/documentName.ts';
import type { Unsubscribe } from '../bus/index.ts';
import { decodeFanout, documentChannel, type FanoutMessage } from './fanout.ts';
import { LiveDocument, type NodeServices } from './liveDocument.ts';

/** What the registry needs from its node. */
export interface RegistryDeps extends NodeServices {
  /** The first content of a new document (a bill's latest version), or null to start empty. */
  seed(name: DocumentName): Promise<Uint8Array | null>;
  /** How long an unused document stays loaded. */
  idleUnloadMs: number;
  /** How often each open document's stored head is compared with what this node applied. */
  headCheckMs: number;
}

// Rereads of one document prompted by gaps are spaced at least this much.
const MIN_REPAIR_INTERVAL_MS = 2_000;

interface Entry {
  document: Promise<LiveDocument>;
  unsubscribe: Promise<Unsubscribe>;
  idleTimer: NodeJS.Timeout | null;
}

/** The live documents of one node. */
export class DocumentRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #repairs = new Map<LiveDocument, Promise<void>>();
  readonly #lastRepair = new WeakMap<LiveDocument, number>();
  readonly #committedListeners = new Set<(document: LiveDocument) => void>();
  readonly #stopRepair: () => void;
  readonly #headCheck: NodeJS.Timeout;

  constructor(private readonly deps: RegistryDeps) {
    // Redis drops pub/sub messages while a subscriber is disconnected: after a reconnect, reread the store.
    this.#stopRepair = deps.bus.onReconnect(() => {
      void this.repairAll();
    });
    // A message can also be lost without any disconnect here (the publisher's publish failed): compare heads.
    this.#headCheck = setInterval(() => void this.#checkHeads(), deps.headCheckMs);
    this.#headCheck.unref();
  }

  /** True when the document is open (or opening) on this node. */
  isOpen(name: DocumentName): boolean {
    return this.#entries.has(formatDocumentName(name));
  }

  /** The live document, loading it if needed. */
  open(name: DocumentName): Promise<LiveDocument> {
    const key = formatDocumentName(name);
    const existing = this.#entries.get(key);
    if (existing) {
      if (existing.idleTimer) clearTimeout(existing.idleTimer);
      existing.idleTimer = null;
      return existing.document;
    }
    // Subscribe before reading the store, so nothing committed in between is missed (Yjs ignores repeats).
    const buffered: FanoutMessage[] = [];
    let live: LiveDocument | null = null;
    const unsubscribe = this.deps.bus.subscribe(documentChannel(key), (bytes) => {
      const message = decodeFanout(bytes);
      if (message === null || message.nodeId === this.deps.nodeId) return;
      if (live) live.applyRemote(message);
      else buffered.push(message);
    });
    const document = (async () => {
      await unsubscribe;
      const created = new LiveDocument(key, {
        ...this.deps,
        onIdle: (doc) => this.#scheduleUnload(doc),
        onGap: (doc) => void this.#repair(doc),
        onCommitted: (doc) => {
          for (const listener of this.#committedListeners) listener(doc);
        },
      });
      let stored = await this.deps.store.load(key);
      if (stored.snapshot === null && stored.updates.length === 0) {
        const seed = await this.deps.seed(name);
        if (seed !== null) {
          await this.deps.store.initialize(key, seed);
          stored = await this.deps.store.load(key);
        }
      }
      created.applyStored(stored);
      for (const message of buffered.splice(0)) created.applyRemote(message);
      live = created;
      return created;
    })();
    const entry: Entry = { document, unsubscribe, idleTimer: null };
    this.#entries.set(key, entry);
    // A failed load must not stay cached: the next connection tries again.
    document.catch(() => {
      if (this.#entries.get(key) === entry) this.#forget(key, entry);
    });
    return document;
  }

  /**
   * Runs `use` on the live document, loading it if needed; a document nobody is connected to is unloaded after
   * the idle delay, as if its last connection had just left.
   */
  async use<T>(name: DocumentName, use: (document: LiveDocument) => T | Promise<T>): Promise<T> {
    const document = await this.open(name);
    try {
      return await use(document);
    } finally {
      if (document.connections.size === 0) this.#scheduleUnload(document);
    }
  }

  /** Calls `listener` after each batch of updates committed on this node; returns how to stop. */
  onCommitted(listener: (document: LiveDocument) => void): () => void {
    this.#committedListeners.add(listener);
    return () => this.#committedListeners.delete(listener);
  }

  /** Rereads every open document from the store and applies what this node missed. */
  async repairAll(): Promise<void> {
    for (const document of await this.loaded()) await this.#repair(document);
  }

  /** Rereads one document from the store; concurrent requests for the same document share one reread. */
  #repair(document: LiveDocument): Promise<void> {
    let running = this.#repairs.get(document);
    // An update can stay pending even after a reread (its predecessor was never sent by its client): do not
    // reread on every message then; the periodic head check retries.
    const last = this.#lastRepair.get(document) ?? 0;
    if (running === undefined && Date.now() - last < MIN_REPAIR_INTERVAL_MS) return Promise.resolve();
    this.#lastRepair.set(document, Date.now());
    if (running === undefined) {
      running = this.deps.store
        .load(document.name)
        .then((stored) => document.applyStored(stored))
        .catch((error: unknown) => this.deps.logger.warn({ err: error, doc: document.name }, 'repair from the store failed'))
        .finally(() => this.#repairs.delete(document));
      this.#repairs.set(document, running);
    }
    return running;
  }

  /** The loaded documents (for metrics and rights changes). */
  async loaded(): Promise<LiveDocument[]> {
    const settled = await Promise.allSettled([...this.#entries.values()].map((entry) => entry.document));
    return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  }

  /** Closes the user's sockets on this node's documents (their rights changed: they reconnect with new ones). */
  async closeConnectionsOf(userId: string, code: CloseCode): Promise<number> {
    let closed = 0;
    for (const document of await this.loaded()) {
      for (const connection of [...document.connections]) {
        if (connection.claims.userId === userId) {
          connection.close(code);
          closed += 1;
        }
      }
    }
    return closed;
  }

  /** Closes the writers' sockets on this node's copy of one document (its writers' rights changed). */
  async closeWritersOf(name: string, code: CloseCode): Promise<number> {
    const entry = this.#entries.get(name);
    if (!entry) return 0;
    const document = await entry.document.catch(() => null);
    const writers = [...(document?.connections ?? [])].filter((connection) => connection.canWrite);
    for (const connection of writers) connection.close(code);
    return writers.length;
  }

  /** Closes every document (connections get `code`) once their accepted updates are stored. */
  async closeAll(code: CloseCode = CloseCode.serverShutdown): Promise<void> {
    this.#stopRepair();
    clearInterval(this.#headCheck);
    const keys = [...this.#entries.keys()];
    await Promise.all(keys.map((key) => this.#unload(key, code)));
  }

  async #checkHeads(): Promise<void> {
    for (const document of await this.loaded()) {
      try {
        if (document.hasPending || (await this.deps.store.headUpdateId(document.name)) > document.lastUpdateId) {
          this.deps.logger.warn({ doc: document.name }, 'missed updates: repairing from the store');
          await this.#repair(document);
        }
      } catch (error) {
        this.deps.logger.warn({ err: error, doc: document.name }, 'head check failed');
      }
    }
  }

  #scheduleUnload(document: LiveDocument): void {
    const entry = this.#entries.get(document.name);
    if (!entry) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      if (document.connections.size === 0) void this.#unload(document.name, CloseCode.serverShutdown);
    }, this.deps.idleUnloadMs);
  }

  async #unload(key: string, code: CloseCode): Promise<void> {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#forget(key, entry);
    try {
      const document = await entry.document;
      await document.close(code);
    } catch {
      // A document that failed to load has nothing to close.
    }
    this.deps.metrics.forget(key);
  }

  #forget(key: string, entry: Entry): void {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    this.#entries.delete(key);
    entry.unsubscribe.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }
}
