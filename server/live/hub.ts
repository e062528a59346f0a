/**
 * The bills followed on this node: one sequencer and one stream per bill while it has subscribers. Entries reach
 * a bill's sequencer three ways, so none is ever missing for long: announced by the writer (`published`, on this
 * node or relayed from another), read from the ledger when a gap shows, and read when the periodic head check or a
 * Redis reconnect finds the ledger ahead of what was handed on.
 */
import type { Logger } from 'pino';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { SubscribeRequest } from '../../shared/api/live.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { DomainError, notFound } from '../common/errors.ts';
import type { LedgerSource } from '../modules/ledger/index.ts';
import { BillStream } from './billStream.ts';
import type { PresenterRegistry } from './presenters.ts';
import { BillSequencer } from './sequencer.ts';
import { type LiveSink, Subscription } from './subscription.ts';
import type { TallySource } from './votes.ts';

/** Timings and sizes of the live stream. */
export interface LiveTimings {
  /** How often each followed bill's ledger head is compared with what was handed on. */
  headCheckMs: number;
  /** A target's tally is sent at most once per window. */
  tallyWindowMs: number;
  /** How long an early entry waits for its predecessors before they are read from the ledger. */
  gapGraceMs: number;
  /** Entries per ledger read (replays, repairs). */
  pageSize: number;
}

/** What the hub needs from its node. */
export interface HubDeps extends LiveTimings {
  ledger: LedgerSource;
  presenters: PresenterRegistry;
  tallyOf: TallySource;
  logger: Logger;
  /** Relays entries committed on this node to the other nodes. */
  relay(billId: string, entries: LedgerEvent[]): void;
}

interface Channel {
  ready: Promise<void>;
  sequencer: BillSequencer | null;
  stream: BillStream | null;
  /** Entries announced before the channel was ready. */
  early: LedgerEvent[];
  subscriptions: Set<Subscription>;
}

/** The live bills of one node. */
export class LiveHub {
  readonly #channels = new Map<string, Channel>();
  readonly #headCheck: NodeJS.Timeout;
  #checking = false;
  #closed = false;

  constructor(private readonly deps: HubDeps) {
    // An announcement can be lost without any disconnect here (a node died between commit and relay; an entry written
    // by a use case that announces nothing): compare heads.
    this.#headCheck = setInterval(() => void this.checkHeads(), deps.headCheckMs);
    this.#headCheck.unref();
  }

  /**
   * Subscribes `sink` to a bill after `request.after` (absent: the bill's current head). Throws bill_not_found, or
   * validation_failed for a cursor past the head. The subscription starts sending when its `replay()` is called.
   */
  async open(request: SubscribeRequest, sink: LiveSink): Promise<Subscription> {
    const { billId } = request;
    const head = await this.deps.ledger.head(billId);
    if (head === null) throw notFound(ErrorCode.billNotFound, `No bill with id ${billId}`);
    const after = request.after ?? head;
    if (after > head) {
      const message = `after: ${after} is past the bill’s last entry (${head})`;
      throw new DomainError(ErrorCode.validationFailed, message, { errors: [{ path: 'after', message }] });
    }
    for (;;) {
      if (this.#closed) throw new Error('the live stream is closed');
      const channel = this.#channels.get(billId) ?? this.#createChannel(billId);
      await channel.ready;
      // The channel may have been dropped while we waited (its last subscriber left): then make a new one.
      if (this.#channels.get(billId) !== channel || channel.stream === null || channel.sequencer === null) continue;
      const { stream, sequencer } = { stream: channel.stream, sequencer: channel.sequencer };
      const subscription = new Subscription(billId, after, stream, sink, {
        ledger: this.deps.ledger,
        present: (entry) => this.deps.presenters.present(entry),
        tallyOf: this.deps.tallyOf,
        knownHead: () => sequencer.last,
        pageSize: this.deps.pageSize,
        logger: this.deps.logger,
      });
      channel.subscriptions.add(subscription);
      stream.add(subscription);
      subscription.onClose(() => this.#detach(billId, channel, subscription));
      return subscription;
    }
  }

  /** Entries a use case of this node committed: handed on here and relayed to the other nodes. Never throws. */
  published(billId: string, entries: LedgerEvent[]): void {
    try {
      this.#offer(billId, entries);
      this.deps.relay(billId, entries);
    } catch (error) {
      this.deps.logger.error({ err: error, billId }, 'live: could not publish entries');
    }
  }

  /** Entries another node committed. */
  received(billId: string, entries: LedgerEvent[]): void {
    this.#offer(billId, entries);
  }

  /** Reads every followed bill's ledger for entries not handed on yet (after a Redis reconnect). */
  async repairAll(): Promise<void> {
    await Promise.all([...this.#channels.values()].flatMap((channel) => (channel.sequencer ? [channel.sequencer.catchUp()] : [])));
  }

  /** Compares each followed bill's ledger head with what was handed on, and reads what is missing. */
  async checkHeads(): Promise<void> {
    if (this.#checking || this.#closed) return;
    this.#checking = true;
    try {
      const ready = [...this.#channels.values()].flatMap((channel) => (channel.sequencer ? [channel.sequencer] : []));
      if (ready.length === 0) return;
      const heads = await this.deps.ledger.heads(ready.map((sequencer) => sequencer.billId));
      await Promise.all(ready.map((sequencer) => sequencer.checkHead(heads.get(sequencer.billId) ?? 0)));
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'live: head check failed');
    } finally {
      this.#checking = false;
    }
  }

  /** Ends every subscription (`server_shutdown`) and stops every timer. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#headCheck);
    for (const channel of [...this.#channels.values()]) {
      for (const subscription of [...channel.subscriptions]) subscription.end('server_shutdown');
    }
    for (const channel of this.#channels.values()) this.#stop(channel);
    this.#channels.clear();
  }

  #createChannel(billId: string): Channel {
    const channel: Channel = { ready: Promise.resolve(), sequencer: null, stream: null, early: [], subscriptions: new Set() };
    channel.ready = (async () => {
      // Start where the ledger is now: subscribers replay what came before from the ledger themselves.
      const head = (await this.deps.ledger.head(billId)) ?? 0;
      const stream = new BillStream(billId, head, {
        present: (entry) => this.deps.presenters.present(entry),
        tallyOf: this.deps.tallyOf,
        tallyWindowMs: this.deps.tallyWindowMs,
        knownHead: () => sequencer.last,
        logger: this.deps.logger,
      });
      const sequencer = new BillSequencer(billId, head, (entry) => stream.push(entry), {
        ledger: this.deps.ledger,
        logger: this.deps.logger,
        gapGraceMs: this.deps.gapGraceMs,
        pageSize: this.deps.pageSize,
      });
      channel.stream = stream;
      channel.sequencer = sequencer;
      sequencer.offer(channel.early.splice(0));
    })();
    this.#channels.set(billId, channel);
    // A failed start must not stay cached: the next subscriber tries again.
    channel.ready.catch(() => {
      if (this.#channels.get(billId) === channel) this.#channels.delete(billId);
    });
    return channel;
  }

  #offer(billId: string, entries: LedgerEvent[]): void {
    const channel = this.#channels.get(billId);
    if (channel === undefined) return; // nobody follows this bill here
    if (channel.sequencer) channel.sequencer.offer(entries);
    else channel.early.push(...entries);
  }

  #detach(billId: string, channel: Channel, subscription: Subscription): void {
    channel.subscriptions.delete(subscription);
    channel.stream?.remove(subscription);
    if (channel.subscriptions.size > 0 || this.#channels.get(billId) !== channel) return;
    this.#channels.delete(billId);
    this.#stop(channel);
  }

  #stop(channel: Channel): void {
    channel.sequencer?.close();
    channel.stream?.close();
  }
}
