/**
 * The live messages of one bill on this node, built once for all its subscribers from the sequencer's ordered
 * entries: each entry presented, except votes, whose targets' tallies are sent instead, at most once per target
 * per window (trailing edge: the last tally of a burst always goes out).
 *
 * Every message's cursor is a safe resume point: every entry up to it has been sent, or is reflected in a tally
 * already sent. An entry's message has cursor = its seq, so it waits until the tallies of the votes before it have
 * gone out — sent early when that keeps the once-per-window rule, else at the end of the window.
 */
import type { Logger } from 'pino';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import { type LedgerLiveEvent, type LiveMessage, VOTE_TALLY } from '../../shared/api/live.ts';
import type { VoteTarget } from '../../shared/api/votes.ts';
import { type TallySource, type TallyStamp, targetKey, voteTargetOf } from './votes.ts';

/** Receives a bill's live messages. */
export interface StreamListener {
  /** One message; `stamp` is set on tally messages. Must not throw. */
  deliver(message: LiveMessage, stamp: TallyStamp | null): void;
}

/** What a bill's stream needs. */
export interface BillStreamDeps {
  present(entry: LedgerEvent): LedgerLiveEvent;
  tallyOf: TallySource;
  /** A target's tally is sent at most once per window. */
  tallyWindowMs: number;
  /** The highest `seq` known to be committed (the sequencer's last): a tally read now reflects every vote up to it. */
  knownHead(): number;
  logger: Logger;
}

interface TargetState {
  target: VoteTarget;
  /** The first vote not reflected in any tally sent or being read; null when none. */
  since: number | null;
  /** The first vote covered by the tally being read; null when no read is under way. */
  reading: number | null;
  /** Every vote up to this seq is reflected in the tally last read (or being read). */
  reflected: number;
  /** When its last tally was sent (ms since epoch; 0: never). */
  sentAt: number;
  timer: NodeJS.Timeout | null;
  dueAt: number;
}

/** One bill's live messages on this node. */
export class BillStream {
  #position: number;
  readonly #queue: LedgerEvent[] = [];
  readonly #targets = new Map<string, TargetState>();
  readonly #listeners = new Set<StreamListener>();
  #closed = false;

  constructor(
    readonly billId: string,
    start: number,
    private readonly deps: BillStreamDeps,
  ) {
    this.#position = start;
  }

  /** The seq of the last entry processed: sent, or counted in a tally pending or sent. */
  get position(): number {
    return this.#position;
  }

  /** Starts delivering messages to the listener. */
  add(listener: StreamListener): void {
    this.#listeners.add(listener);
  }

  /** Stops delivering messages to the listener. */
  remove(listener: StreamListener): void {
    this.#listeners.delete(listener);
  }

  /** The bill's next entry, in seq order. */
  push(entry: LedgerEvent): void {
    if (this.#closed) return;
    this.#queue.push(entry);
    this.#process();
  }

  /** Stops every timer; nothing more is delivered. */
  close(): void {
    this.#closed = true;
    for (const state of this.#targets.values()) if (state.timer) clearTimeout(state.timer);
    this.#targets.clear();
    this.#listeners.clear();
    this.#queue.length = 0;
  }

  #process(): void {
    while (!this.#closed) {
      const entry = this.#queue[0];
      if (entry === undefined) return;
      const target = voteTargetOf(entry);
      if (target !== null) this.#vote(entry.seq, target);
      else if (this.#talliesOwed()) {
        this.#expedite();
        return; // resumed when the owed tallies are sent
      } else this.#broadcast({ billId: this.billId, cursor: entry.seq, event: this.deps.present(entry) }, null);
      this.#position = entry.seq;
      this.#queue.shift();
    }
  }

  #vote(seq: number, target: VoteTarget): void {
    const key = targetKey(target);
    let state = this.#targets.get(key);
    if (state === undefined) {
      state = { target, since: null, reading: null, reflected: 0, sentAt: 0, timer: null, dueAt: 0 };
      this.#targets.set(key, state);
    }
    if (seq <= state.reflected || state.since !== null) return;
    state.since = seq;
    if (state.reading === null) this.#schedule(key, state, false);
  }

  // Trailing edge: a window after the first vote; expedited (an entry waits): as soon as the window since the last send allows.
  #schedule(key: string, state: TargetState, expedite: boolean): void {
    const now = Date.now();
    const earliest = state.sentAt + this.deps.tallyWindowMs;
    const due = Math.max(expedite ? now : now + this.deps.tallyWindowMs, earliest);
    if (state.timer && state.dueAt <= due) return;
    if (state.timer) clearTimeout(state.timer);
    state.dueAt = due;
    state.timer = setTimeout(() => void this.#sendTally(key, state), due - now);
    state.timer.unref();
  }

  async #sendTally(key: string, state: TargetState): Promise<void> {
    state.timer = null;
    if (this.#closed || state.since === null || state.reading !== null) return;
    const reflects = Math.max(state.reflected, this.deps.knownHead());
    const previous = state.reflected;
    state.reading = state.since;
    state.since = null;
    state.reflected = reflects;
    try {
      const tally = await this.deps.tallyOf(this.billId, state.target);
      if (this.#closed) return;
      state.reading = null;
      state.sentAt = Date.now();
      const message: LiveMessage = { billId: this.billId, cursor: this.#safeCursor(), event: { type: VOTE_TALLY, target: state.target, tally } };
      this.#broadcast(message, { key, reflects });
    } catch (error) {
      if (this.#closed) return;
      this.deps.logger.warn({ err: error, billId: this.billId, target: state.target }, 'live: reading a tally failed; retrying');
      state.since = Math.min(state.since ?? Infinity, state.reading ?? Infinity);
      state.reading = null;
      state.reflected = previous;
      state.sentAt = Date.now(); // retry after a window
    }
    if (state.since !== null) this.#schedule(key, state, false);
    this.#process();
  }

  #talliesOwed(): boolean {
    for (const state of this.#targets.values()) if (state.since !== null || state.reading !== null) return true;
    return false;
  }

  #expedite(): void {
    for (const [key, state] of this.#targets) if (state.since !== null && state.reading === null) this.#schedule(key, state, true);
  }

  // Everything up to the entry before the first vote whose tally is owed; forgets targets with nothing left to do.
  #safeCursor(): number {
    let cursor = this.#position;
    const now = Date.now();
    for (const [key, state] of this.#targets) {
      if (state.since !== null) cursor = Math.min(cursor, state.since - 1);
      if (state.reading !== null) cursor = Math.min(cursor, state.reading - 1);
      const idle = state.since === null && state.reading === null && state.timer === null;
      if (idle && state.reflected <= this.#position && now - state.sentAt >= this.deps.tallyWindowMs) this.#targets.delete(key);
    }
    return cursor;
  }

  #broadcast(message: LiveMessage, stamp: TallyStamp | null): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener.deliver(message, stamp);
      } catch (error) {
        this.deps.logger.error({ err: error, billId: this.billId }, 'live: delivering a message failed');
      }
    }
  }
}
