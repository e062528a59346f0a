import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/api/ledger.ts';
import type { LedgerSource } from '../modules/ledger/index.ts';
import { BillSequencer } from './sequencer.ts';

const entry = (seq: number, billId = 'b1'): LedgerEvent => ({
  id: 1_000 + seq,
  billId,
  seq,
  type: 'test.noted',
  actorId: null,
  payload: { seq },
  createdAt: new Date(0).toISOString(),
  prevHash: '',
  hash: '',
});

/** A ledger of `head` entries in memory, counting reads. */
function fakeLedger(head: { value: number }): LedgerSource & { reads: number } {
  const ledger = {
    reads: 0,
    head: () => Promise.resolve(head.value),
    heads: (ids: readonly string[]) => Promise.resolve(new Map(ids.map((id) => [id, head.value]))),
    entriesAfter(_billId: string, after: number, limit: number) {
      ledger.reads += 1;
      const seqs = Array.from({ length: Math.max(0, Math.min(limit, head.value - after)) }, (_, index) => after + 1 + index);
      return Promise.resolve(seqs.map((seq) => entry(seq)));
    },
  };
  return ledger;
}

function sequencer(start: number, head: { value: number }) {
  const ledger = fakeLedger(head);
  const emitted: number[] = [];
  const instance = new BillSequencer('b1', start, (e) => emitted.push(e.seq), { ledger, logger: pino({ level: 'silent' }), gapGraceMs: 10, pageSize: 3 });
  return { instance, emitted, ledger };
}

describe('live sequencer', () => {
  it('LIVE4 hands on entries in seq order, each once, whatever order and repeats they are offered in, without reading the ledger', () => {
    const { instance, emitted, ledger } = sequencer(2, { value: 8 });
    instance.offer([entry(4), entry(2), entry(1)]);
    instance.offer([entry(3), entry(3), entry(4, 'other-bill')]);
    instance.offer([entry(6), entry(5), entry(7), entry(8), entry(6)]);
    expect(emitted).toEqual([3, 4, 5, 6, 7, 8]);
    expect(instance.last).toBe(8);
    expect(ledger.reads).toBe(0);
  });

  it('LIVE4 an entry ahead of the next expected one waits briefly, then the missing ones are read from the ledger (paged)', async () => {
    const { instance, emitted, ledger } = sequencer(0, { value: 9 });
    instance.offer([entry(9)]);
    expect(emitted).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ledger.reads).toBe(4); // pages of 3, then an empty one
  });

  it('LIVE4 a missing entry that arrives within the grace period needs no read', async () => {
    const { instance, emitted, ledger } = sequencer(0, { value: 2 });
    instance.offer([entry(2)]);
    instance.offer([entry(1)]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toEqual([1, 2]);
    expect(ledger.reads).toBe(0);
  });

  it('LIVE4 a head check finds entries nobody announced; concurrent catch-ups share reads and emit nothing twice', async () => {
    const head = { value: 3 };
    const { instance, emitted } = sequencer(0, head);
    await Promise.all([instance.checkHead(3), instance.catchUp(), instance.catchUp()]);
    expect(emitted).toEqual([1, 2, 3]);
    head.value = 5;
    await instance.checkHead(3); // not ahead: nothing read
    expect(emitted).toEqual([1, 2, 3]);
    await instance.checkHead(5);
    expect(emitted).toEqual([1, 2, 3, 4, 5]);
    instance.close();
    instance.offer([entry(6)]);
    expect(emitted).toEqual([1, 2, 3, 4, 5]);
  });
});
