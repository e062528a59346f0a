/**
 * The background delivery of webhooks on one node. Each cycle queues what the ledger holds beyond each webhook's
 * cursor, then leases the webhooks whose next delivery is due and runs one worker per leased webhook: it sends that
 * webhook's deliveries one at a time, in ledger order, retrying with exponential backoff. Cycles run every `pollMs`
 * (entries written on other nodes, retries coming due) and at once when this node commits entries (`wake`).
 *
 * Once per `pruneEveryMs` a cycle also deletes the deliveries finished more than `logRetentionDays` ago, so the
 * delivery log does not grow without end (each node does it; deleting what is gone already costs nothing).
 *
 * Nothing here blocks anything else: each attempt is an asynchronous request with its own time limit, at most
 * `concurrency` webhooks are worked on at once per node, and a webhook waiting for a slow receiver holds only its own
 * worker. Stopping aborts the requests in flight (those attempts are not logged: they are made again) and gives the
 * leases back.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { WebhookSettings } from '../../config/config.ts';
import type { Database } from '../../storage/database.ts';
import type { LedgerSource } from '../ledger/index.ts';
import { claimWebhooks, nextDelivery, pruneDeliveries, queueDeliveries, recordAttempt, releaseLease, renewLease } from './outbox.ts';
import { sendDelivery } from './sendDelivery.ts';

/** Tuning of the dispatcher beyond the configuration. */
export interface DispatcherOptions {
  /** How often to look for new entries and due retries. */
  pollMs: number;
  /** Webhooks worked on at once on this node. */
  concurrency: number;
  /** Ledger entries read per webhook and cycle. */
  pageSize: number;
  /** How often finished deliveries past their retention are deleted. */
  pruneEveryMs: number;
  userAgent: string;
}

/** What the dispatcher needs from its node. */
export interface DispatcherDeps {
  db: Database;
  /** The ledger as the public reads it: hidden contributions' text is withheld from what is delivered. */
  ledger: LedgerSource;
  logger: Logger;
  settings: WebhookSettings;
  options?: Partial<DispatcherOptions>;
}

const defaults: DispatcherOptions = { pollMs: 1_000, concurrency: 16, pageSize: 200, pruneEveryMs: 3_600_000, userAgent: 'loi-live-webhooks' };

const DAY_MS = 86_400_000;

// A retry never waits longer than this.
const MAX_BACKOFF_MS = 3_600_000;

/** Delivers webhooks from this node. */
export class WebhookDispatcher {
  readonly #owner = randomUUID();
  readonly #options: DispatcherOptions;
  readonly #leaseMs: number;
  readonly #active = new Map<string, Promise<void>>();
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #cycle: Promise<void> | null = null;
  #again = false;
  #prunedAt = 0;
  #started = false;
  #closed = false;

  constructor(private readonly deps: DispatcherDeps) {
    this.#options = { ...defaults, ...deps.options };
    // Long enough for one attempt and its bookkeeping; renewed before every attempt.
    this.#leaseMs = deps.settings.timeoutMs + 30_000;
  }

  /** Starts the periodic cycles (resuming whatever the database holds pending). */
  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    this.#timer = setInterval(() => this.wake(), this.#options.pollMs);
    this.#timer.unref();
    this.wake();
  }

  /** Runs a cycle now (entries were committed); calls made during a cycle give one more. Never throws. */
  wake(): void {
    if (!this.#started || this.#closed) return;
    if (this.#cycle) {
      this.#again = true;
      return;
    }
    this.#cycle = this.#runCycles().finally(() => {
      this.#cycle = null;
    });
  }

  /** Stops: no new attempt starts, attempts in flight are aborted, leases are given back. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#stop.abort();
    await this.#cycle;
    await Promise.allSettled([...this.#active.values()]);
  }

  async #runCycles(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.#pruneWhenDue();
        const { any, more } = await queueDeliveries(this.deps.db, this.deps.ledger, this.#options.pageSize);
        // Without any webhook there is nothing to lease: spare the database a transaction every cycle.
        if (this.#closed || !any) return;
        const ids = await claimWebhooks(this.deps.db, this.#owner, this.#leaseMs, this.#options.concurrency - this.#active.size);
        for (const id of ids) {
          if (!this.#active.has(id)) this.#active.set(id, this.#work(id));
        }
        if (more) this.#again = true;
      } catch (error) {
        if (!this.#closed) this.deps.logger.warn({ err: error }, 'webhooks: a dispatch cycle failed; the next one retries');
      }
    } while (this.#again && !this.#closed);
  }

  /** Deletes the finished deliveries past their retention, once per `pruneEveryMs`. */
  async #pruneWhenDue(): Promise<void> {
    const now = Date.now();
    if (now - this.#prunedAt < this.#options.pruneEveryMs) return;
    this.#prunedAt = now;
    const pruned = await pruneDeliveries(this.deps.db, new Date(now - this.deps.settings.logRetentionDays * DAY_MS));
    if (pruned > 0) this.deps.logger.info({ pruned }, 'webhooks: finished deliveries past their retention deleted');
  }

  /** Sends the leased webhook's due deliveries in order, then gives its lease back. */
  async #work(webhookId: string): Promise<void> {
    const { db, settings } = this.deps;
    let failed = false;
    try {
      for (;;) {
        if (this.#closed) return;
        const next = await nextDelivery(db, webhookId);
        if (next === null) return;
        const wait = (next.nextAttemptAt?.getTime() ?? 0) - Date.now();
        if (wait > 0) {
          // A retry due soon is waited for here; a later one is left to the cycle that finds it due.
          if (wait > this.#options.pollMs) return;
          await sleep(wait, undefined, { signal: this.#stop.signal });
          continue;
        }
        if (!(await renewLease(db, webhookId, this.#owner, this.#leaseMs))) return;
        const at = new Date();
        const result = await sendDelivery(
          { url: next.url, secret: next.secret, deliveryId: next.id, eventType: next.eventType, body: next.body },
          { timeoutMs: settings.timeoutMs, allowPrivateAddresses: settings.allowPrivateAddresses, signal: this.#stop.signal, userAgent: this.#options.userAgent },
        );
        if (result.aborted) return;
        await recordAttempt(db, next, result, at, settings.maxAttempts, (attempt) => this.#backoff(attempt));
        if (!result.ok) this.deps.logger.debug({ webhookId, deliveryId: next.id, attempt: next.attempts + 1, error: result.error }, 'webhooks: attempt failed');
      }
    } catch (error) {
      failed = true;
      if (!this.#closed) this.deps.logger.warn({ err: error, webhookId }, 'webhooks: delivering failed; the next cycle retries');
    } finally {
      this.#active.delete(webhookId);
      await releaseLease(db, webhookId, this.#owner).catch(() => undefined);
      // Other webhooks may be waiting for a free worker; after a failure, leave it to the periodic cycle (no busy loop).
      if (!failed) this.wake();
    }
  }

  /** base · 2^(attempt − 1), at most an hour, give or take 10 % so that retries of many deliveries spread out. */
  #backoff(attempt: number): number {
    const delay = Math.min(this.deps.settings.retryBaseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
    return Math.round(delay * (0.9 + Math.random() * 0.2));
  }
}
