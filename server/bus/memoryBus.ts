// In-process bus for a single node (no REDIS_URL) and for tests. It mimics Redis where code could
// otherwise come to rely on an accident: delivery is asynchronous, payloads are copied per node.
import { BusClosedError, consoleBusLogger, dispatch, notifyAll } from './bus.ts';
import type { Bus, BusHandler, BusLogger, Unsubscribe } from './bus.ts';

type Receiver = (payload: Uint8Array) => void;

/** The shared medium: several MemoryBus handles over one hub behave like nodes on one Redis. */
export class MemoryHub {
  readonly #receivers = new Map<string, Set<Receiver>>();

  /** Registers one node's receiver for channel (a node joins once per channel, like one SUBSCRIBE). */
  join(channel: string, receiver: Receiver): void {
    const set = this.#receivers.get(channel) ?? new Set<Receiver>();
    set.add(receiver);
    this.#receivers.set(channel, set);
  }

  /** Removes a node's receiver; the channel entry goes with the last one so the map does not grow forever. */
  leave(channel: string, receiver: Receiver): void {
    const set = this.#receivers.get(channel);
    if (!set) return;
    set.delete(receiver);
    if (set.size === 0) this.#receivers.delete(channel);
  }

  /** Fans payload out to the nodes joined now; setImmediate keeps FIFO order and lets I/O run between messages. */
  fanOut(channel: string, payload: Uint8Array): void {
    const receivers = [...(this.#receivers.get(channel) ?? [])];
    if (receivers.length === 0) return;
    const copy = payload.slice(); // the publisher may reuse its buffer as soon as publish() returns
    setImmediate(() => {
      for (const receive of receivers) receive(copy.slice());
    });
  }
}

/** One node's handle on a MemoryHub; a private hub by default (single-process deployment). */
export class MemoryBus implements Bus {
  readonly #hub: MemoryHub;
  readonly #logger: BusLogger;
  readonly #channels = new Map<string, { handlers: Set<{ handler: BusHandler }>; receiver: Receiver }>();
  readonly #reconnectListeners = new Set<() => void>();
  #closed = false;

  constructor(options: { hub?: MemoryHub; logger?: BusLogger } = {}) {
    this.#hub = options.hub ?? new MemoryHub();
    this.#logger = options.logger ?? consoleBusLogger;
  }

  /** See Bus.publish. */
  async publish(channel: string, payload: Uint8Array): Promise<void> {
    if (this.#closed) throw new BusClosedError('publish', channel);
    this.#hub.fanOut(channel, payload);
    await Promise.resolve();
  }

  /** See Bus.subscribe; each call is its own subscription, even with the same handler function. */
  async subscribe(channel: string, handler: BusHandler): Promise<Unsubscribe> {
    if (this.#closed) throw new BusClosedError('subscribe', channel);
    let entry = this.#channels.get(channel);
    if (!entry) {
      const handlers = new Set<{ handler: BusHandler }>();
      const receiver: Receiver = (payload) => {
        if (this.#closed) return;
        dispatch([...handlers].map((h) => h.handler), channel, payload, this.#logger);
      };
      entry = { handlers, receiver };
      this.#channels.set(channel, entry);
      this.#hub.join(channel, receiver);
    }
    const subscription = { handler };
    entry.handlers.add(subscription);
    await Promise.resolve();
    return async () => {
      const current = this.#channels.get(channel);
      if (!current?.handlers.delete(subscription)) return;
      if (current.handlers.size === 0) {
        this.#channels.delete(channel);
        this.#hub.leave(channel, current.receiver);
      }
      await Promise.resolve();
    };
  }

  /** See Bus.onReconnect; a memory bus never disconnects, so only simulateReconnect() fires it. */
  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  /** Fires the reconnect listeners, so tests can exercise resync logic without Redis. */
  simulateReconnect(): void {
    notifyAll(this.#reconnectListeners, this.#logger);
  }

  /** See Bus.close; idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const [channel, entry] of this.#channels) this.#hub.leave(channel, entry.receiver);
    this.#channels.clear();
    this.#reconnectListeners.clear();
    await Promise.resolve();
  }
}
