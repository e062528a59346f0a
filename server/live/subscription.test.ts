import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { LiveEndReason, LiveMessage } from '../../shared/api/live.ts';
import type { LedgerSource } from '../modules/ledger/index.ts';
import { BillStream } from './billStream.ts';
import { PresenterRegistry } from './presenters.ts';
import { type LiveSink, Subscription } from './subscription.ts';

const logger = pino({ level: 'silent' });
const presenters = new PresenterRegistry(logger);
const entry = (seq: number): LedgerEvent => ({
  id: seq,
  billId: 'b1',
  seq,
  type: 'test.noted',
  actorId: null,
  payload: {},
  createdAt: new Date(0).toISOString(),
  prevHash: '',
  hash: '',
});

/** A ledger that grows by `growth` entries after each read, as if writers were busy during a replay. */
function growingLedger(head: number, growth: number, stream: BillStream): LedgerSource {
  let current = head;
  return {
    head: () => Promise.resolve(current),
    heads: () => Promise.resolve(new Map()),
    entriesAfter(_billId, after, limit) {
      const page = Array.from({ length: Math.max(0, Math.min(limit, current - after)) }, (_, index) => entry(after + 1 + index));
      // Entries committed meanwhile reach the live stream (as the sequencer would hand them on).
      for (let step = 0; step < growth; step += 1) stream.push(entry(++current));
      return Promise.resolve(page);
    },
  };
}

/** A sink recording messages; `full` makes send() ask the replay to wait, `overloaded` cuts a live client. */
function sink(options: { full?: boolean; overloaded?: boolean } = {}) {
  const state = { messages: [] as LiveMessage[], waits: 0, ended: [] as LiveEndReason[] };
  const value: LiveSink = {
    send: (message) => (state.messages.push(message), !options.full),
    overloaded: () => options.overloaded ?? false,
    drained: () => (state.waits++, Promise.resolve()),
    end: (reason) => state.ended.push(reason),
  };
  return { state, value };
}

function subscribe(after: number, ledgerHead: number, growth: number, out: LiveSink) {
  const stream = new BillStream('b1', ledgerHead, {
    present: (e) => presenters.present(e),
    tallyOf: () => Promise.reject(new Error('no votes here')),
    tallyWindowMs: 1_000,
    knownHead: () => 0,
    logger,
  });
  const ledger = growingLedger(ledgerHead, growth, stream);
  const subscription = new Subscription('b1', after, stream, out, { ledger, present: (e) => presenters.present(e), tallyOf: () => Promise.reject(new Error('none')), knownHead: () => 0, pageSize: 4, logger });
  stream.add(subscription);
  return { stream, subscription };
}

const seqs = (messages: LiveMessage[]) => messages.map((message) => message.cursor);

describe('live subscription', () => {
  it('LIVE2 a replay chasing a growing ledger switches to live without duplicate or gap', async () => {
    const out = sink();
    const { stream, subscription } = subscribe(3, 10, 2, out.value);
    await subscription.replay();
    stream.push(entry(stream.position + 1));
    const last = stream.position;
    expect(seqs(out.state.messages)).toEqual(Array.from({ length: last - 3 }, (_, index) => 4 + index));
  });

  it('LIVE2 a replay waits for a client whose buffer is full, page by page', async () => {
    const out = sink({ full: true });
    const { subscription } = subscribe(0, 6, 0, out.value);
    await subscription.replay();
    expect(seqs(out.state.messages)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out.state.waits).toBe(6);
  });

  it('LIVE11 a live client that falls too far behind is cut off with too_slow, and gets nothing more', async () => {
    const out = sink({ overloaded: true });
    const { stream, subscription } = subscribe(2, 2, 0, out.value);
    let closed = false;
    subscription.onClose(() => (closed = true));
    await subscription.replay();
    stream.push(entry(3));
    stream.push(entry(4));
    expect(seqs(out.state.messages)).toEqual([3]);
    expect(out.state.ended).toEqual(['too_slow']);
    expect(closed).toBe(true);
  });
});
