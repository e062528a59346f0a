import { describe, expect, it } from 'vitest';
import { recordingLogger, runBusContract, waitFor } from './bus.contract.ts';
import { createBus } from './index.ts';
import { MemoryBus, MemoryHub } from './memoryBus.ts';

// Two handles over one hub stand in for two server processes.
runBusContract('MemoryBus', () => {
  const hub = new MemoryHub();
  const logger = recordingLogger();
  return Promise.resolve([new MemoryBus({ hub, logger }), new MemoryBus({ hub, logger })]);
});

describe('MemoryBus specifics', () => {
  it('buses on separate hubs do not see each other (a private hub by default)', async () => {
    const [a, b] = [new MemoryBus({ logger: recordingLogger() }), new MemoryBus({ logger: recordingLogger() })];
    const seenByB: Uint8Array[] = [];
    const seenByA: Uint8Array[] = [];
    await b.subscribe('c', (payload) => void seenByB.push(payload));
    await a.subscribe('c', (payload) => void seenByA.push(payload));
    await a.publish('c', new Uint8Array([1]));
    await waitFor(() => seenByA.length === 1, 'own delivery');
    expect(seenByB).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('simulateReconnect fires reconnect listeners, isolating a throwing one', async () => {
    const logger = recordingLogger();
    const bus = new MemoryBus({ logger });
    let calls = 0;
    bus.onReconnect(() => {
      throw new Error('resync bug');
    });
    const off = bus.onReconnect(() => void calls++);
    bus.simulateReconnect();
    off();
    bus.simulateReconnect();
    expect(calls).toBe(1);
    expect(logger.entries.map((e) => e.msg)).toContain('bus reconnect listener failed');
    await bus.close();
  });

  it('reports handler failures to the logger', async () => {
    const logger = recordingLogger();
    const bus = new MemoryBus({ logger });
    await bus.subscribe('c', () => {
      throw new Error('boom');
    });
    await bus.publish('c', new Uint8Array());
    await waitFor(() => logger.entries.length === 1, 'the failure log');
    expect(logger.entries[0]).toMatchObject({ level: 'warn', msg: 'bus handler failed', obj: { channel: 'c' } });
    await bus.close();
  });

  it('createBus without redisUrl gives a memory bus', async () => {
    const bus = await createBus({ logger: recordingLogger() });
    expect(bus).toBeInstanceOf(MemoryBus);
    await bus.close();
  });
});
