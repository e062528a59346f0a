/**
 * One bill's ledger entries on this node, handed on in `seq` order, each exactly once, whatever the order (or
 * the loss) of the messages that announced them: an entry ahead of the next expected one waits briefly for its
 * predecessors, then the missing ones are read from the ledger, which is the system of record.
 */
import type { Logger } from 'pino';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { LedgerSource } from '../modules/ledger/index.ts';

/** What a sequencer needs from its node. */
export interface SequencerDeps {
  ledger: LedgerSource;
  logger: Logger;
  /** How long an entry that arrived early waits for its predecessors before they are read from the ledger. */
  gapGraceMs: number;
  /** Entries read from the ledger per query. */
  pageSize: number;
}

// Past this many early entries, further ones are dropped: the ledger has them, and memory stays bounded.
const MAX_PENDING = 10_000;

/** Orders one bill's entries. */
export class BillSequencer {
  #last: number;
  readonly #pending = new Map<number, LedgerEvent>();
  #dropped = false;
  #gapTimer: NodeJS.Timeout | null = null;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #closed = false;

  constructor(
    readonly billId: string,
    start: number,
    private readonly emit: (entry: LedgerEvent) => void,
    private readonly deps: SequencerDeps,
  ) {
    this.#last = start;
  }

  /** The `seq` of the last entry handed on. */
  get last(): number {
    return this.#last;
  }

  /** Entries announced by a writer (this node or another): handed on now if next, else kept until the gap fills. */
  offer(entries: readonly LedgerEvent[]): void {
    if (this.#closed) return;
    for (const entry of entries) {
      if (entry.billId !== this.billId || entry.seq <= this.#last || this.#pending.has(entry.seq)) continue;
      if (this.#pending.size >= MAX_PENDING) this.#dropped = true;
      else this.#pending.set(entry.seq, entry);
    }
    this.#drain();
    if (this.#pending.size > 0 || this.#dropped) this.#scheduleGapRead();
  }

  /** The ledger's head for this bill is `head`: reads what this node has not handed on yet. */
  checkHead(head: number): Promise<void> {
    return head > this.#last ? this.catchUp() : Promise.resolve();
  }

  /**
   * Reads and hands on every entry after the last one, up to the ledger's end. A call made while a read runs
   * gets one more read after it, so what was committed before the call is always covered.
   */
  catchUp(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    const reading = (async () => {
      do {
        this.#readAgain = false;
        await this.#readToEnd();
      } while (this.#readAgain && !this.#closed);
    })()
      .catch((error: unknown) => this.deps.logger.warn({ err: error, billId: this.billId }, 'live: reading the ledger failed; the head check retries'))
      .finally(() => {
        this.#reading = null;
      });
    this.#reading = reading;
    return reading;
  }

  /** Stops: nothing more is handed on. */
  close(): void {
    this.#closed = true;
    if (this.#gapTimer) clearTimeout(this.#gapTimer);
    this.#gapTimer = null;
    this.#pending.clear();
  }

  async #readToEnd(): Promise<void> {
    this.#dropped = false;
    for (;;) {
      const page = await this.deps.ledger.entriesAfter(this.billId, this.#last, this.deps.pageSize);
      if (this.#closed) return;
      for (const entry of page) this.#accept(entry);
      this.#drain();
      if (page.length < this.deps.pageSize) break;
    }
    // Entries still waiting were committed after the read started (their announcement overtook it): retry soon.
    if (this.#pending.size > 0) this.#scheduleGapRead();
  }

  #accept(entry: LedgerEvent): void {
    if (entry.seq <= this.#last) return;
    // The chain has no gaps (LEDGER5); should one appear anyway, going on beats waiting forever for a missing entry.
    if (entry.seq !== this.#last + 1) this.deps.logger.error({ billId: this.billId, expected: this.#last + 1, found: entry.seq }, 'live: gap in the ledger');
    this.#handOn(entry);
  }

  #drain(): void {
    for (let next = this.#pending.get(this.#last + 1); next !== undefined; next = this.#pending.get(this.#last + 1)) this.#handOn(next);
    // Entries at or below the last one (read from the ledger meanwhile) are done.
    for (const seq of this.#pending.keys()) if (seq <= this.#last) this.#pending.delete(seq);
  }

  #handOn(entry: LedgerEvent): void {
    this.#pending.delete(entry.seq);
    this.#last = entry.seq;
    try {
      this.emit(entry);
    } catch (error) {
      this.deps.logger.error({ err: error, billId: this.billId, seq: entry.seq }, 'live: handing on an entry failed');
    }
  }

  #scheduleGapRead(): void {
    if (this.#gapTimer || this.#closed) return;
    // Announcements from several nodes may cross: give the missing ones a moment before reading the ledger.
    this.#gapTimer = setTimeout(() => {
      this.#gapTimer = null;
      if (this.#pending.size > 0 || this.#dropped) void this.catchUp();
    }, this.deps.gapGraceMs);
    this.#gapTimer.unref();
  }
}
