/**
 * One client following one bill, whatever the transport: first the ledger entries after its cursor (replay, read
 * page by page at the client's pace), then the bill's live messages, with neither a duplicate nor a gap at the
 * switch-over. While it replays, live messages are ignored: the ledger holds every one of them. Once a read reaches
 * the ledger's end, the replay either has read as far as the live stream got (checked with no await in between)
 * and goes live, or it keeps the live messages from that point on and reads once more: that read covers everything
 * the stream had, the kept messages everything after, so even under a steady flow of writes the replay never has
 * to chase the ledger's end.
 */
import type { Logger } from 'pino';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import { type LedgerLiveEvent, type LiveEndReason, type LiveMessage, VOTE_TALLY } from '../../shared/api/live.ts';
import type { VoteTarget } from '../../shared/api/votes.ts';
import type { LedgerSource } from '../modules/ledger/index.ts';
import type { BillStream, StreamListener } from './billStream.ts';
import { type TallySource, type TallyStamp, targetKey, voteTargetOf } from './votes.ts';

/** Where a subscription's messages go: a socket.io socket, an SSE response. */
export interface LiveSink {
  /** Sends one message, in order; false when the client's buffer is full (a replay then waits for `drained`). */
  send(message: LiveMessage): boolean;
  /** True when the client is so far behind that it is cut off (it resumes later with its cursor). */
  overloaded(): boolean;
  /** Resolves once the client can take more, or the sink is closed. */
  drained(): Promise<void>;
  /** Tells the client the server ended this subscription. */
  end(reason: LiveEndReason): void;
}

/** What a subscription reads and shares. */
export interface SubscriptionDeps {
  ledger: LedgerSource;
  present(entry: LedgerEvent): LedgerLiveEvent;
  tallyOf: TallySource;
  /** The highest seq known to be committed on this node. */
  knownHead(): number;
  pageSize: number;
  logger: Logger;
}

// Tallies read at once during a replay (a gap may touch many targets).
const TALLY_BATCH = 20;
// Live messages kept during a replay's last read; past this, they are dropped and the replay reads on.
const MAX_KEPT = 10_000;

interface OwedTally {
  key: string;
  target: VoteTarget;
  /** The first vote of the gap on this target. */
  since: number;
}

/** One client's subscription to one bill. */
export class Subscription implements StreamListener {
  #cursor: number;
  #live = false;
  #closed = false;
  /** Live messages kept while the replay reads its last page; null when not keeping them. */
  #kept: Array<[LiveMessage, TallyStamp | null]> | null = null;
  /** Where the replay ended: entries up to it were sent (or reflected in a tally) by the replay. */
  #replayedTo: number;
  // Tallies sent by the replay: reflects-seq per target, so an older live tally (read earlier) is not sent after them.
  readonly #replayed = new Map<string, number>();
  readonly #onClose: Array<() => void> = [];

  constructor(
    readonly billId: string,
    after: number,
    private readonly stream: BillStream,
    private readonly sink: LiveSink,
    private readonly deps: SubscriptionDeps,
  ) {
    this.#cursor = after;
    this.#replayedTo = after;
  }

  /** The last cursor sent (or the starting one). */
  get cursor(): number {
    return this.#cursor;
  }

  /** Calls `listener` once, when the subscription closes (client left, server ended it). */
  onClose(listener: () => void): void {
    if (this.#closed) listener();
    else this.#onClose.push(listener);
  }

  /** Sends the entries after the cursor, then goes live; ends the subscription if the ledger cannot be read. */
  async replay(): Promise<void> {
    try {
      await this.#replay();
    } catch (error) {
      if (this.#closed) return;
      this.deps.logger.warn({ err: error, billId: this.billId }, 'live: replay failed');
      this.end('unavailable');
    }
  }

  /** A live message of the bill (see StreamListener). */
  deliver(message: LiveMessage, stamp: TallyStamp | null): void {
    if (this.#closed) return;
    if (!this.#live) {
      if (this.#kept && this.#kept.length < MAX_KEPT) this.#kept.push([message, stamp]);
      else this.#kept = null;
      return;
    }
    if (stamp === null) {
      if (message.cursor <= Math.max(this.#cursor, this.#replayedTo)) return; // already replayed
      this.#cursor = message.cursor;
      this.#push(message);
      return;
    }
    const replayed = this.#replayed.get(stamp.key);
    if (replayed !== undefined) {
      if (stamp.reflects < replayed) return;
      this.#replayed.delete(stamp.key);
    }
    // A tally may reflect entries this client got from the replay: its cursor never goes back.
    this.#cursor = Math.max(this.#cursor, message.cursor);
    this.#push(message.cursor === this.#cursor ? message : { ...message, cursor: this.#cursor });
  }

  /** Ends the subscription from the server's side and tells the client why. */
  end(reason: LiveEndReason): void {
    if (this.#closed) return;
    this.sink.end(reason);
    this.close();
  }

  /** Stops sending (the client left or unsubscribed). Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of this.#onClose.splice(0)) listener();
  }

  async #replay(): Promise<void> {
    let position = this.#cursor;
    // The live stream's position when the replay started keeping its messages.
    let keptFrom: number | null = null;
    const owed = new Map<string, OwedTally>();
    for (;;) {
      const page = await this.deps.ledger.entriesAfter(this.billId, position, this.deps.pageSize);
      for (const entry of page) {
        if (this.#closed) return;
        const target = voteTargetOf(entry);
        if (target !== null) {
          const key = targetKey(target);
          if (entry.seq > (this.#replayed.get(key) ?? 0) && !owed.has(key)) owed.set(key, { key, target, since: entry.seq });
        } else {
          if (owed.size > 0) await this.#sendTallies(owed, position);
          await this.#send({ billId: this.billId, cursor: entry.seq, event: this.deps.present(entry) });
        }
        position = entry.seq;
      }
      if (this.#closed) return;
      if (page.length === this.deps.pageSize) continue;
      if (owed.size > 0) await this.#sendTallies(owed, position);
      if (this.#closed) return;
      if (this.#kept === null) keptFrom = null; // none kept yet, or too many: read on
      // No await between this check and going live: every later live message is after what the replay read.
      if (position >= (keptFrom ?? this.stream.position)) return this.#goLive(position);
      if (keptFrom === null) {
        keptFrom = this.stream.position;
        this.#kept = [];
      }
    }
  }

  #goLive(position: number): void {
    this.#replayedTo = position;
    this.#live = true;
    const kept = this.#kept ?? [];
    this.#kept = null;
    for (const [message, stamp] of kept) this.deliver(message, stamp);
  }

  // The current tally of each target owed, read after `position` was committed, so each reflects its votes in the gap.
  async #sendTallies(owed: Map<string, OwedTally>, position: number): Promise<void> {
    const reflects = Math.max(position, this.deps.knownHead());
    const list = [...owed.values()].sort((a, b) => a.since - b.since);
    owed.clear();
    for (let start = 0; start < list.length; start += TALLY_BATCH) {
      const batch = list.slice(start, start + TALLY_BATCH);
      const tallies = await Promise.all(batch.map((item) => this.deps.tallyOf(this.billId, item.target)));
      for (const [index, item] of batch.entries()) {
        if (this.#closed) return;
        // Safe resume point: before the first vote whose tally is still to come, or the position once all are sent.
        const next = list[start + index + 1];
        const cursor = next === undefined ? position : Math.max(this.#cursor, next.since - 1);
        this.#replayed.set(item.key, reflects);
        await this.#send({ billId: this.billId, cursor, event: { type: VOTE_TALLY, target: item.target, tally: tallies[index] as (typeof tallies)[number] } });
      }
    }
  }

  async #send(message: LiveMessage): Promise<void> {
    if (this.#closed) return;
    this.#cursor = message.cursor;
    if (!this.sink.send(message)) await this.sink.drained();
  }

  #push(message: LiveMessage): void {
    this.sink.send(message);
    if (this.sink.overloaded()) this.end('too_slow');
  }
}
