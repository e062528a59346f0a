// Entry point of server/bus. createBus lives here, not in bus.ts, because the implementations import
// bus.ts and dependency-cruiser forbids the cycle (type-only imports count).
import { MemoryBus } from './memoryBus.ts';
import { RedisBus } from './redisBus.ts';
import type { Bus, BusLogger } from './bus.ts';

export { BusClosedError, publishJson, subscribeJson } from './bus.ts';
export type { Bus, BusHandler, BusLogger, InvalidBusMessage, Unsubscribe } from './bus.ts';
export { MemoryBus, MemoryHub } from './memoryBus.ts';
export { RedisBus } from './redisBus.ts';
export type { RedisBusConnectionEvent } from './redisBus.ts';

/** Redis when redisUrl is set (N nodes), otherwise an in-process bus (a single node). */
export async function createBus(options: { redisUrl?: string; logger?: BusLogger } = {}): Promise<Bus> {
  if (options.redisUrl) return RedisBus.connect({ url: options.redisUrl, logger: options.logger });
  return new MemoryBus({ logger: options.logger });
}
