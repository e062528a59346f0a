// Redis pub/sub bus for N nodes. A subscribed Redis connection can run nothing but (UN)SUBSCRIBE,
// hence two clients: one publishes, a dedicated duplicate() subscribes.
import { createClient } from 'redis';
import { BusClosedError, consoleBusLogger, dispatch, notifyAll } from './bus.ts';
import type { Bus, BusHandler, BusLogger, Unsubscribe } from './bus.ts';

type RedisClient = ReturnType<typeof createClient>;

/** Which of the two connections an event is about. */
export type RedisBusConnection = 'publisher' | 'subscriber';

/** A connection went down (client retrying), came back up, or gave up for good. */
export interface RedisBusConnectionEvent {
  connection: RedisBusConnection;
  state: 'down' | 'up' | 'terminated';
  error?: unknown;
}

/** Options of RedisBus.connect. */
export interface RedisBusOptions {
  url: string;
  logger?: BusLogger;
  /** Attempts before the first connection gives up, so a wrong REDIS_URL fails startup instead of hanging; once up, retries are endless. */
  connectAttempts?: number;
}

interface ChannelState {
  handlers: Set<{ handler: BusHandler }>;
  listener: (message: Buffer) => void;
  /** Whether node-redis holds our listener, i.e. Redis has (or will get back on reconnect) our SUBSCRIBE. */
  subscribed: boolean;
  /** Serializes SUBSCRIBE/UNSUBSCRIBE of this channel so concurrent calls cannot interleave. */
  queue: Promise<void>;
}

/** Bus over Redis pub/sub: binary-safe, one Redis SUBSCRIBE per channel however many local handlers. */
export class RedisBus implements Bus {
  readonly #publisher: RedisClient;
  readonly #subscriber: RedisClient;
  readonly #logger: BusLogger;
  readonly #channels = new Map<string, ChannelState>();
  readonly #reconnectListeners = new Set<() => void>();
  readonly #connectionListeners = new Set<(event: RedisBusConnectionEvent) => void>();
  #closed = false;

  private constructor(options: RedisBusOptions) {
    this.#logger = options.logger ?? consoleBusLogger;
    const attempts = options.connectAttempts ?? 10;
    const publisherWatch = { everReady: false };
    const subscriberWatch = { everReady: false };
    // Fresh socket objects per client: node-redis mutates them and duplicate() would otherwise share the strategy's state.
    this.#publisher = createClient({ url: options.url, socket: { reconnectStrategy: backoff(publisherWatch, attempts) } });
    this.#subscriber = this.#publisher.duplicate({ socket: { reconnectStrategy: backoff(subscriberWatch, attempts) } });
    this.#watch(this.#publisher, 'publisher', publisherWatch);
    this.#watch(this.#subscriber, 'subscriber', subscriberWatch);
  }

  /** Connects both clients; rejects (after connectAttempts) when Redis is unreachable, leaving nothing open. */
  static async connect(options: RedisBusOptions): Promise<RedisBus> {
    const bus = new RedisBus(options);
    const results = await Promise.allSettled([bus.#publisher.connect(), bus.#subscriber.connect()]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      bus.#closed = true;
      bus.#publisher.destroy();
      bus.#subscriber.destroy();
      throw new Error(`Redis bus could not connect to ${redact(options.url)}`, { cause: failed.reason });
    }
    bus.#logger.info({ url: redact(options.url) }, 'redis bus connected');
    return bus;
  }

  /** See Bus.publish. The bytes are copied: node-redis writes on a later tick and only accepts Buffer. */
  async publish(channel: string, payload: Uint8Array): Promise<void> {
    if (this.#closed) throw new BusClosedError('publish', channel);
    await this.#publisher.publish(channel, Buffer.from(payload));
  }

  /** See Bus.subscribe; each call is its own subscription, even with the same handler function. */
  async subscribe(channel: string, handler: BusHandler): Promise<Unsubscribe> {
    if (this.#closed) throw new BusClosedError('subscribe', channel);
    const state = this.#channels.get(channel) ?? this.#newChannel(channel);
    const subscription = { handler };
    state.handlers.add(subscription);
    try {
      await this.#reconcile(channel, state);
    } catch (error) {
      state.handlers.delete(subscription);
      void this.#reconcile(channel, state).catch(() => {});
      throw error;
    }
    return async () => {
      if (!state.handlers.delete(subscription) || this.#closed) return;
      await this.#reconcile(channel, state);
    };
  }

  /** See Bus.onReconnect; fires once node-redis has re-sent our SUBSCRIBEs, so a resync started then misses nothing. */
  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  /** Reports each connection going down, coming back, or giving up; for health checks and metrics. */
  onConnectionChange(listener: (event: RedisBusConnectionEvent) => void): () => void {
    this.#connectionListeners.add(listener);
    return () => this.#connectionListeners.delete(listener);
  }

  /** Whether each connection is ready now, for a health endpoint. */
  health(): Record<RedisBusConnection, boolean> {
    return { publisher: this.#publisher.isReady, subscriber: this.#subscriber.isReady };
  }

  /** See Bus.close; waits for pending commands, but gives up on a connection that is down rather than hang. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const state of this.#channels.values()) state.handlers.clear();
    this.#channels.clear();
    this.#reconnectListeners.clear();
    await Promise.all([closeClient(this.#publisher), closeClient(this.#subscriber)]);
  }

  #newChannel(channel: string): ChannelState {
    const handlers = new Set<{ handler: BusHandler }>();
    // A copy, not a view: the decoder hands out slices of 64 KiB socket chunks, which a retained payload would pin.
    const listener = (message: Buffer): void => {
      if (!this.#closed) dispatch([...handlers].map((h) => h.handler), channel, new Uint8Array(message), this.#logger);
    };
    const state: ChannelState = { handlers, listener, subscribed: false, queue: Promise.resolve() };
    this.#channels.set(channel, state);
    return state;
  }

  // Brings Redis in line with the local handler count; queued per channel, so every call sees the latest wish.
  #reconcile(channel: string, state: ChannelState): Promise<void> {
    const run = state.queue.then(async () => {
      const wanted = state.handlers.size > 0;
      if (wanted && !state.subscribed) {
        if (this.#closed) throw new BusClosedError('subscribe', channel);
        await this.#subscriber.subscribe(channel, state.listener, true);
        state.subscribed = true;
      } else if (!wanted && state.subscribed && !this.#closed) {
        state.subscribed = false;
        await this.#subscriber.unsubscribe(channel, state.listener, true);
      }
    });
    const settled = run.catch(() => {});
    state.queue = settled;
    void settled.then(() => {
      // Forget idle channels (e.g. one per document) once nothing is queued behind this operation.
      const idle = state.queue === settled && state.handlers.size === 0 && !state.subscribed;
      if (idle && this.#channels.get(channel) === state) this.#channels.delete(channel);
    });
    return run;
  }

  #watch(client: RedisClient, connection: RedisBusConnection, watch: { everReady: boolean }): void {
    let down = false;
    const emit = (event: RedisBusConnectionEvent): void => {
      for (const listener of [...this.#connectionListeners]) {
        try {
          listener(event);
        } catch (error) {
          this.#logger.warn({ err: error }, 'bus connection listener failed');
        }
      }
    };
    // An 'error' listener is mandatory: without one, EventEmitter throws and a Redis blip kills the process.
    client.on('error', (error: unknown) => {
      if (!watch.everReady) return this.#logger.warn({ err: error, connection }, 'redis bus connect attempt failed');
      if (down || this.#closed) return; // retries of an outage already reported
      down = true;
      this.#logger.warn({ err: error, connection }, 'redis bus connection lost, reconnecting');
      emit({ connection, state: 'down', error });
    });
    client.on('terminated', (cause: unknown) => {
      if (this.#closed) return;
      this.#logger.error({ err: cause, connection }, 'redis bus connection gave up');
      emit({ connection, state: 'terminated', error: cause });
    });
    client.on('ready', () => {
      if (!watch.everReady) {
        watch.everReady = true;
        return;
      }
      down = false;
      this.#logger.info({ connection }, 'redis bus connection restored');
      emit({ connection, state: 'up' });
      if (connection === 'subscriber') notifyAll(this.#reconnectListeners, this.#logger);
    });
  }
}

// Exponential backoff capped at 2 s with jitter (node-redis' default), but bounded until the first success.
function backoff(watch: { everReady: boolean }, attempts: number) {
  return (retries: number, cause: Error): number | Error => {
    if (!watch.everReady && retries + 1 >= attempts) return cause;
    return Math.min(2 ** retries * 50, 2000) + Math.floor(Math.random() * 200);
  };
}

async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  // close() waits for pending replies, which never come while the connection is down.
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, 2000, 'timeout')));
  const outcome = await Promise.race([client.close().then(() => 'closed' as const), timedOut]).finally(() => clearTimeout(timer));
  if (outcome === 'timeout') client.destroy();
}

// Never log credentials embedded in REDIS_URL.
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid redis url>';
  }
}
