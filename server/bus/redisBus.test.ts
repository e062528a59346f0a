import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingLogger, runBusContract, waitFor } from './bus.contract.ts';
import { createBus } from './index.ts';
import { RedisBus } from './redisBus.ts';
import type { RedisBusConnectionEvent } from './redisBus.ts';

const url = process.env.TEST_REDIS_URL;

describe.skipIf(!url)(`RedisBus${url ? '' : ' (skipped: set TEST_REDIS_URL to run against Redis)'}`, () => {
  const redisUrl = url ?? '';
  // Two buses with their own connections stand in for two server processes.
  runBusContract('RedisBus', async () => {
    const logger = recordingLogger();
    return Promise.all([RedisBus.connect({ url: redisUrl, logger }), RedisBus.connect({ url: redisUrl, logger })]);
  });

  describe('Redis specifics', () => {
    // A third, plain client to look at and tamper with the server side.
    const admin = createClient({ url: redisUrl });
    const channel = (): string => `bus-test:${randomUUID()}:redis`;
    const numSub = async (name: string): Promise<number> => {
      const counts = await admin.pubSubNumSub(name);
      return Number(counts[name]);
    };

    beforeAll(async () => {
      admin.on('error', () => {});
      await admin.connect();
    });
    afterAll(async () => {
      await admin.close();
    });

    it('issues one SUBSCRIBE per channel however many local handlers, UNSUBSCRIBE with the last', async () => {
      const bus = await RedisBus.connect({ url: redisUrl, logger: recordingLogger() });
      const name = channel();
      const offs = await Promise.all([1, 2, 3].map(() => bus.subscribe(name, () => {})));
      expect(await numSub(name)).toBe(1);
      await offs[0]!();
      await offs[1]!();
      expect(await numSub(name)).toBe(1);
      await offs[2]!();
      expect(await numSub(name)).toBe(0);
      await bus.close();
    });

    it('recovers after the server kills the subscriber connection, and reports the reconnect', async () => {
      const logger = recordingLogger();
      const [a, b] = await Promise.all([RedisBus.connect({ url: redisUrl, logger }), RedisBus.connect({ url: redisUrl, logger })]);
      const name = channel();
      const received: string[] = [];
      await b.subscribe(name, (payload) => void received.push(Buffer.from(payload).toString()));
      let reconnects = 0;
      b.onReconnect(() => void reconnects++);
      const events: RedisBusConnectionEvent[] = [];
      b.onConnectionChange((event) => void events.push(event));

      // Kills every connection with a subscription (here b's subscriber), as a failover or proxy restart would.
      const killed = Number(await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']));
      expect(killed).toBeGreaterThanOrEqual(1);
      await waitFor(() => reconnects === 1, 'the reconnect report', 10_000);
      expect(events.map((e) => `${e.connection}:${e.state}`)).toEqual(['subscriber:down', 'subscriber:up']);
      expect(b.health()).toEqual({ publisher: true, subscriber: true });
      expect(await numSub(name)).toBe(1); // node-redis re-sent SUBSCRIBE before 'ready'

      await a.publish(name, Buffer.from('after reconnect'));
      await waitFor(() => received.length === 1, 'delivery after the reconnect');
      expect(received).toEqual(['after reconnect']);
      await Promise.all([a.close(), b.close()]);
    });

    it('fails startup clearly when Redis is unreachable instead of retrying forever', async () => {
      const attempt = RedisBus.connect({ url: 'redis://127.0.0.1:1', logger: recordingLogger(), connectAttempts: 2 });
      await expect(attempt).rejects.toThrow(/could not connect to redis:\/\/127\.0\.0\.1:1/);
    });

    it('createBus with redisUrl gives a Redis bus', async () => {
      const bus = await createBus({ redisUrl, logger: recordingLogger() });
      expect(bus).toBeInstanceOf(RedisBus);
      await bus.close();
    });
  });
});
