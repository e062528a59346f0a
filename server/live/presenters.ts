/**
 * How each ledger entry type is shown on the live stream. A module registers a presenter for the types whose
 * payload should not go out as stored; every other type shows its payload. Hidden contributions' text is withheld
 * before this, where entries are read from the ledger (LEDGER6): presenters see the redacted payload.
 */
import type { Logger } from 'pino';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { LedgerLiveEvent } from '../../shared/api/live.ts';

/** Builds the `data` of a streamed entry. Synchronous: presenting must never reorder the stream. */
export type Presenter = (entry: LedgerEvent) => unknown;

/** The presenters of one node, by entry type. */
export class PresenterRegistry {
  readonly #presenters = new Map<string, Presenter>();

  constructor(private readonly logger: Logger) {}

  /** Sets the presenter of an entry type (replacing any earlier one). */
  register(type: string, presenter: Presenter): void {
    this.#presenters.set(type, presenter);
  }

  /** The entry as streamed. A failing presenter yields `data: null`: its raw payload might be what it withholds. */
  present(entry: LedgerEvent): LedgerLiveEvent {
    const presenter = this.#presenters.get(entry.type) ?? passPayload;
    let data: unknown;
    try {
      data = presenter(entry);
    } catch (error) {
      this.logger.error({ err: error, type: entry.type, billId: entry.billId, seq: entry.seq }, 'live: presenter failed');
      data = null;
    }
    const event: LedgerLiveEvent = { seq: entry.seq, id: entry.id, type: entry.type, at: entry.createdAt, actorId: entry.actorId, data };
    // An entry read from the ledger after its contribution was hidden comes redacted (LEDGER6): say so.
    return entry.redacted ? { ...event, redacted: entry.redacted } : event;
  }
}

/** The default presenter: the entry's payload as stored. */
export const passPayload: Presenter = (entry) => entry.payload;
