import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { LiveMessage } from '../../shared/api/live.ts';
import type { VoteTally, VoteTarget } from '../../shared/api/votes.ts';
import { BillStream } from './billStream.ts';
import { PresenterRegistry } from './presenters.ts';

const logger = pino({ level: 'silent' });
const a1: VoteTarget = { type: 'article', id: 'a1' };
const a2: VoteTarget = { type: 'amendment', id: 'm2' };

const entry = (seq: number, type: string, payload: Record<string, unknown> = {}): LedgerEvent => ({
  id: seq,
  billId: 'b1',
  seq,
  type,
  actorId: null,
  payload,
  createdAt: new Date(0).toISOString(),
  prevHash: '',
  hash: '',
});
const vote = (seq: number, target: VoteTarget) => entry(seq, 'vote.cast', { target, value: 'agree' });

/** A stream whose tallies count the votes pushed so far, with the messages it delivered. */
function stream(options: { failFirst?: boolean } = {}) {
  const counts = new Map<string, number>();
  let last = 0;
  let failures = options.failFirst ? 1 : 0;
  const tallyOf = (_billId: string, target: VoteTarget): Promise<VoteTally> => {
    if (failures-- > 0) return Promise.reject(new Error('database down'));
    const total = counts.get(target.id) ?? 0;
    return Promise.resolve({ agree: total, mixed: 0, disagree: 0, total });
  };
  const instance = new BillStream('b1', 0, {
    present: (e) => new PresenterRegistry(logger).present(e),
    tallyOf,
    tallyWindowMs: 1_000,
    knownHead: () => last,
    logger,
  });
  const delivered: Array<{ at: number; message: LiveMessage }> = [];
  instance.add({ deliver: (message) => delivered.push({ at: Date.now(), message }) });
  const push = (e: LedgerEvent) => {
    last = e.seq;
    if (e.type === 'vote.cast') {
      const id = (e.payload.target as VoteTarget).id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    instance.push(e);
  };
  const summary = () => delivered.map(({ message }) => [message.cursor, message.event.type, 'tally' in message.event ? message.event.tally.total : null]);
  return { instance, push, delivered, summary };
}

describe('live bill stream', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('LIVE1 entries other than votes go out at once, presented, with cursor = seq', () => {
    const { push, summary, delivered } = stream();
    push(entry(1, 'bill.created', { title: 'T' }));
    push(entry(2, 'rapporteur.granted', { userId: 'u' }));
    expect(summary()).toEqual([
      [1, 'bill.created', null],
      [2, 'rapporteur.granted', null],
    ]);
    expect(delivered[1]?.message.event).toEqual({ seq: 2, id: 2, type: 'rapporteur.granted', at: new Date(0).toISOString(), actorId: null, data: { userId: 'u' } });
  });

  it('LIVE7 votes on a target give one tally per window, a window after the first vote, the last one with the final count', async () => {
    const { push, delivered, summary } = stream();
    for (let seq = 1; seq <= 25; seq += 1) {
      push(vote(seq, a1));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(3_000);
    expect(summary()).toEqual([
      [10, 'vote.tally', 10],
      [20, 'vote.tally', 20],
      [25, 'vote.tally', 25],
    ]);
    const times = delivered.map((item) => item.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_000);
  });

  it('LIVE8 an entry after votes waits for their tallies (sent early when the window allows), and cursors stop before owed votes', async () => {
    const { push, summary } = stream();
    push(vote(1, a1));
    push(vote(2, a2));
    push(entry(3, 'test.noted'));
    expect(summary()).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(summary()).toEqual([
      [1, 'vote.tally', 1], // a2's vote (2) is still owed
      [2, 'vote.tally', 1],
      [3, 'test.noted', null],
    ]);
    // Within a1's window, an entry after a new a1 vote waits for the end of the window.
    push(vote(4, a1));
    push(entry(5, 'test.noted'));
    await vi.advanceTimersByTimeAsync(900);
    expect(summary()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(summary().slice(3)).toEqual([
      [4, 'vote.tally', 2],
      [5, 'test.noted', null],
    ]);
  });

  it('LIVE7 a failed tally read is retried a window later; nothing is lost meanwhile', async () => {
    const { push, summary } = stream({ failFirst: true });
    push(vote(1, a1));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(summary()).toEqual([]);
    push(entry(2, 'test.noted'));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(summary()).toEqual([
      [1, 'vote.tally', 1],
      [2, 'test.noted', null],
    ]);
  });

  it('LIVE6 a registered presenter builds the data; a failing one gives null, never the raw payload', () => {
    const presenters = new PresenterRegistry(logger);
    presenters.register('moderation.hidden', (e) => ({ reason: e.payload.reason }));
    presenters.register('broken.type', () => {
      throw new Error('bug');
    });
    expect(presenters.present(entry(1, 'moderation.hidden', { reason: 'spam', text: 'secret' })).data).toEqual({ reason: 'spam' });
    expect(presenters.present(entry(2, 'broken.type', { text: 'secret' })).data).toBeNull();
    expect(presenters.present(entry(3, 'other.type', { text: 'public' })).data).toEqual({ text: 'public' });
  });
});
