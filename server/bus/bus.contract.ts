// The behaviour every Bus implementation must share, run against each one so code written and
// tested on the memory bus holds on Redis. Titles start with spec ids (BUSn) for traceability.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BusClosedError, publishJson, subscribeJson } from './bus.ts';
import type { Bus, BusLogger, InvalidBusMessage } from './bus.ts';

/** A logger that records instead of printing, so expected handler failures do not clutter test output. */
export function recordingLogger(): BusLogger & { entries: { level: string; msg: string; obj: object }[] } {
  const entries: { level: string; msg: string; obj: object }[] = [];
  const record = (level: string) => (obj: object, msg: string) => void entries.push({ level, msg, obj });
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}

/** Polls until condition holds; deliveries are asynchronous and fixed sleeps are either slow or flaky. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (payload: Uint8Array): string => new TextDecoder().decode(payload);
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

async function collect(bus: Bus, channel: string): Promise<{ received: Uint8Array[]; texts: () => string[]; unsubscribe: () => Promise<void> }> {
  const received: Uint8Array[] = [];
  const unsubscribe = await bus.subscribe(channel, (payload) => void received.push(payload));
  return { received, texts: () => received.map(text), unsubscribe };
}

/** Runs the contract; makeBus returns at least two handles on one shared medium, i.e. two simulated nodes. */
export function runBusContract(name: string, makeBus: () => Promise<Bus[]>): void {
  describe(`Bus contract: ${name}`, () => {
    let open: Bus[] = [];
    let prefix = '';
    // A random prefix per test: parallel runs on one Redis and leftovers of a failed test never collide.
    const ch = (suffix: string): string => `${prefix}${suffix}`;
    const nodes = async (): Promise<[Bus, Bus]> => {
      const made = await makeBus();
      open.push(...made);
      const [a, b] = made;
      if (!a || !b) throw new Error('makeBus must return two buses on one medium');
      return [a, b];
    };

    beforeEach(() => {
      prefix = `bus-test:${randomUUID()}:`;
    });
    afterEach(async () => {
      await Promise.all(open.map((bus) => bus.close()));
      open = [];
    });

    it('BUS1 a subscriber receives what another node publishes', async () => {
      const [a, b] = await nodes();
      const sub = await collect(b, ch('doc'));
      await a.publish(ch('doc'), bytes('hello'));
      await waitFor(() => sub.received.length === 1, 'delivery to the other node');
      expect(sub.texts()).toEqual(['hello']);
      await expect(a.publish(ch('nobody-listens'), bytes('x'))).resolves.toBeUndefined();
    });

    it('BUS2 binary payloads arrive byte-identical (0x00 bytes, non-UTF-8, empty, 1 MB)', async () => {
      const [a, b] = await nodes();
      const big = new Uint8Array(randomBytes(1024 * 1024));
      big.fill(0, 0, 16);
      big[big.length - 1] = 0;
      const payloads = [
        Uint8Array.from({ length: 256 }, (_, i) => i),
        new Uint8Array([0, 0, 1, 0, 0]),
        new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0x0d, 0x0a]),
        new Uint8Array(0),
        big,
      ];
      const sub = await collect(b, ch('bin'));
      for (const payload of payloads) await a.publish(ch('bin'), payload);
      await waitFor(() => sub.received.length === payloads.length, 'all binary payloads', 15_000);
      payloads.forEach((sent, i) => {
        const got = sub.received[i]!;
        expect(got.byteLength, `payload ${i} length`).toBe(sent.byteLength);
        expect(sameBytes(got, sent), `payload ${i} bytes`).toBe(true);
      });
    });

    it('BUS3 messages on one channel arrive in publish order from one publisher', async () => {
      const [a, b] = await nodes();
      const sub = await collect(b, ch('ordered'));
      const count = 500;
      // Not awaited one by one: callers fire Yjs updates without waiting, order must hold anyway.
      await Promise.all(Array.from({ length: count }, (_, i) => a.publish(ch('ordered'), bytes(String(i)))));
      await waitFor(() => sub.received.length === count, `${count} messages`);
      expect(sub.texts()).toEqual(Array.from({ length: count }, (_, i) => String(i)));
    });

    it('BUS4 unsubscribe stops delivery and others on the same channel keep receiving', async () => {
      const [a, b] = await nodes();
      const leaving = await collect(b, ch('room'));
      const sameNode = await collect(b, ch('room'));
      const otherNode = await collect(a, ch('room'));
      await a.publish(ch('room'), bytes('before'));
      await waitFor(() => leaving.received.length === 1 && sameNode.received.length === 1, 'first message');
      await leaving.unsubscribe();
      await leaving.unsubscribe(); // idempotent
      await a.publish(ch('room'), bytes('after'));
      // 'after' reached node b's other handler, so it was dispatched there: the leaver had its chance.
      await waitFor(() => sameNode.received.length === 2 && otherNode.received.length === 2, 'second message');
      expect(leaving.texts()).toEqual(['before']);
      expect(sameNode.texts()).toEqual(['before', 'after']);
      expect(otherNode.texts()).toEqual(['before', 'after']);
    });

    it('BUS5 channels are isolated (no prefix or glob matching)', async () => {
      const [a, b] = await nodes();
      const plain = await collect(b, ch('a'));
      const nested = await collect(b, ch('a:b'));
      const star = await collect(b, ch('a*'));
      await a.publish(ch('a:b'), bytes('for-nested'));
      await a.publish(ch('a*'), bytes('for-star'));
      await a.publish(ch('A'), bytes('for-nobody'));
      await a.publish(ch('a'), bytes('for-plain')); // last: its arrival means the others were delivered
      await waitFor(() => plain.received.length >= 1 && nested.received.length >= 1 && star.received.length >= 1, 'sentinels');
      expect(plain.texts()).toEqual(['for-plain']);
      expect(nested.texts()).toEqual(['for-nested']);
      expect(star.texts()).toEqual(['for-star']);
    });

    it('BUS6 a throwing handler does not prevent delivery to other handlers', async () => {
      const [a, b] = await nodes();
      let throwingCalls = 0;
      await b.subscribe(ch('faulty'), () => {
        throwingCalls++;
        throw new Error('handler bug');
      });
      await b.subscribe(ch('faulty'), () => Promise.reject(new Error('async handler bug')));
      const healthy = await collect(b, ch('faulty'));
      await a.publish(ch('faulty'), bytes('one'));
      await a.publish(ch('faulty'), bytes('two'));
      await waitFor(() => healthy.received.length === 2, 'both messages despite failing handlers');
      expect(healthy.texts()).toEqual(['one', 'two']);
      expect(throwingCalls).toBe(2); // the failing handler stays subscribed
    });

    it('BUS7 publish and subscribe after close reject clearly; close is idempotent', async () => {
      const [a, b] = await nodes();
      await a.close();
      await expect(a.publish(ch('x'), bytes('late'))).rejects.toThrow(BusClosedError);
      await expect(a.publish(ch('x'), bytes('late'))).rejects.toThrow(/closed/);
      await expect(a.subscribe(ch('x'), () => {})).rejects.toThrow(BusClosedError);
      await expect(a.close()).resolves.toBeUndefined();
      const sub = await collect(b, ch('x'));
      await b.publish(ch('x'), bytes('still works'));
      await waitFor(() => sub.received.length === 1, 'delivery on the node left open');
    });

    it('BUS8 the publishing node receives its own messages', async () => {
      const [a] = await nodes();
      const sub = await collect(a, ch('echo'));
      await a.publish(ch('echo'), bytes('self'));
      await waitFor(() => sub.received.length === 1, 'delivery to the publishing node');
    });

    it('BUS9 every subscription gets each message once, even the same function twice', async () => {
      const [a, b] = await nodes();
      const seen: string[] = [];
      const handler = (payload: Uint8Array): void => void seen.push(text(payload));
      const first = await b.subscribe(ch('multi'), handler);
      await b.subscribe(ch('multi'), handler);
      const other = await collect(b, ch('multi'));
      await a.publish(ch('multi'), bytes('m1'));
      await waitFor(() => other.received.length === 1 && seen.length === 2, 'm1 to every subscription');
      await first();
      await a.publish(ch('multi'), bytes('m2'));
      await waitFor(() => other.received.length === 2, 'm2');
      expect(seen).toEqual(['m1', 'm1', 'm2']);
    });

    it('BUS10 delivery is asynchronous, never inside publish()', async () => {
      const [a] = await nodes();
      let insidePublish = false;
      const calls: boolean[] = [];
      await a.subscribe(ch('async'), () => void calls.push(insidePublish));
      insidePublish = true;
      const published = a.publish(ch('async'), bytes('x'));
      insidePublish = false;
      await published;
      await waitFor(() => calls.length === 1, 'delivery');
      expect(calls).toEqual([false]);
    });

    it('BUS11 subscriptions survive churn: resubscribe after the last left, racing and concurrent calls', async () => {
      const [a, b] = await nodes();
      const gone = await collect(b, ch('churn'));
      await gone.unsubscribe();
      const again = await collect(b, ch('churn'));
      const racing = again.unsubscribe(); // not awaited: a subscribe right behind it must win
      const afterRace = await collect(b, ch('churn'));
      await racing;
      const concurrent = await Promise.all([1, 2, 3].map(() => collect(b, ch('churn'))));
      await a.publish(ch('churn'), bytes('now'));
      await waitFor(() => afterRace.received.length === 1 && concurrent.every((c) => c.received.length === 1), 'delivery after churn');
      expect(gone.received).toEqual([]);
      expect(again.received).toEqual([]);
    });

    it('BUS12 payloads are copies: the publisher may reuse its buffer; receivers get plain Uint8Arrays', async () => {
      const [a, b] = await nodes();
      const sub = await collect(b, ch('copy'));
      const buffer = bytes('original');
      const published = a.publish(ch('copy'), buffer);
      buffer.fill(0x58); // reuse right away, before the transport had a chance to write
      await published;
      await waitFor(() => sub.received.length === 1, 'delivery');
      expect(text(sub.received[0]!)).toBe('original');
      expect(Object.getPrototypeOf(sub.received[0]!)).toBe(Uint8Array.prototype);
    });

    it('BUS13 JSON messages are validated on receipt; invalid ones are reported, not delivered', async () => {
      const [a, b] = await nodes();
      const schema = z.object({ n: z.number() });
      const values: z.output<typeof schema>[] = [];
      const invalid: InvalidBusMessage[] = [];
      await subscribeJson(b, ch('json'), schema, (value) => void values.push(value), (bad) => void invalid.push(bad));
      await a.publish(ch('json'), bytes('not json'));
      await a.publish(ch('json'), new Uint8Array([0xff, 0x7b, 0x7d]));
      await publishJson(a, ch('json'), { n: 'one' });
      await publishJson(a, ch('json'), { n: 1 });
      await waitFor(() => values.length === 1, 'the valid message');
      expect(values).toEqual([{ n: 1 }]);
      expect(invalid.map((bad) => bad.channel)).toEqual([ch('json'), ch('json'), ch('json')]);
      expect(invalid[2]!.error).toBeInstanceOf(z.ZodError);
      await expect(publishJson(a, ch('json'), undefined)).rejects.toThrow(TypeError);
    });
  });
}
