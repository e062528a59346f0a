/**
 * Group commit of one document's updates: updates that arrive while a commit is in flight are written
 * together by the next one, so throughput grows with load while each update waits at most one round trip.
 * Nothing is handed on (applied, broadcast) before its batch is committed.
 */
import type { ClientAuthorRecord, DocumentStore } from './store/documentStore.ts';

/** An update waiting to be stored, with whatever the caller needs back once it is. */
export interface Pending<T> {
  update: Uint8Array;
  tag: T;
  /** Owners of client ids first seen in this update, recorded in the same commit. */
  authors?: readonly ClientAuthorRecord[];
}

/** What the queue calls: after each committed batch, and when storage keeps failing. */
export interface CommitHandlers<T> {
  committed(batch: Pending<T>[], lastUpdateId: number, latencyMs: number): void;
  failed(error: unknown, dropped: Pending<T>[]): void;
}

const MAX_BATCH = 256;
const RETRIES = 3;

/** Serialises and batches the appends of one document. */
export class CommitQueue<T> {
  #pending: Pending<T>[] = [];
  #flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DocumentStore,
    private readonly docName: string,
    private readonly handlers: CommitHandlers<T>,
  ) {}

  /** Queues an update (and the owners of client ids it introduces); it is committed with the next batch. */
  push(update: Uint8Array, tag: T, authors?: readonly ClientAuthorRecord[]): void {
    this.#pending.push(authors && authors.length > 0 ? { update, tag, authors } : { update, tag });
    this.#flushing ??= this.#drain();
  }

  /** Resolves once everything queued so far is committed (or has failed). */
  async idle(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  /** Updates waiting to be committed. */
  get size(): number {
    return this.#pending.length;
  }

  async #drain(): Promise<void> {
    // Let the current tick's other messages join this batch.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, MAX_BATCH);
      const started = performance.now();
      try {
        const { lastUpdateId } = await this.#appendWithRetries(batch);
        this.handlers.committed(batch, lastUpdateId, performance.now() - started);
      } catch (error) {
        // Storage is down: drop what waits too, since later updates may depend on the ones not stored.
        const dropped = [...batch, ...this.#pending.splice(0)];
        this.handlers.failed(error, dropped);
      }
    }
    this.#flushing = null;
  }

  async #appendWithRetries(batch: Pending<T>[]): Promise<{ lastUpdateId: number }> {
    let lastError: unknown;
    for (let attempt = 0; attempt < RETRIES; attempt += 1) {
      try {
        return await this.store.appendUpdates(
          this.docName,
          batch.map((pending) => pending.update),
          batch.flatMap((pending) => pending.authors ?? []),
        );
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
    throw lastError;
  }
}
