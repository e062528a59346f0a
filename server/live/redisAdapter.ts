/**
 * The socket.io adapter for N nodes: `@socket.io/redis-streams-adapter` over our `redis` (node-redis v6) client.
 *
 * Why this adapter: its broadcasts go through a Redis stream that each node reads from its last offset, so a short
 * Redis disconnection loses none of them (the pub/sub-based `@socket.io/redis-adapter` drops what is published
 * while a node is unsubscribed). Version 0.3 works with node-redis 5+ (checked with v6 here: broadcasts, server-side
 * emits and fetchSockets across two servers): it no longer uses the v4-only `commandOptions`, and gives its blocking
 * XREAD a duplicated connection of its own.
 *
 * Its server-side emits (our inter-node relay of ledger entries) travel over plain pub/sub though, so they can be
 * lost in an outage: the live stream never trusts them alone. The `reconnected` callback fires when any of the
 * adapter's connections comes back (so the node rereads the ledger), and the hub's head check catches the rest.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

type RedisClient = ReturnType<typeof createClient>;

/** A Redis-backed adapter and the connection it publishes with. */
export interface LiveRedis {
  adapter: ReturnType<typeof createAdapter>;
  /** Closes the publishing connection (the adapter closes its own duplicates when socket.io closes). */
  close(): Promise<void>;
}

// Our keys and channels, apart from any other socket.io application sharing the Redis server.
const PREFIX = 'loilive:live';

/** Connects (in the background, retrying forever: startup already proved Redis reachable through the bus). */
export function connectRedisAdapter(url: string, logger: Logger, reconnected: () => void): LiveRedis {
  const client = createClient({ url, socket: { reconnectStrategy: backoff } });
  watch(client, 'publisher', logger, reconnected);
  // The adapter makes its subscriber and stream reader with duplicate(): watch those too, since they carry what we receive.
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((overrides?: Parameters<RedisClient['duplicate']>[0]) => {
    const copy = duplicate(overrides);
    watch(copy, 'adapter', logger, reconnected);
    return copy;
  }) as RedisClient['duplicate'];
  client.connect().catch((error: unknown) => logger.error({ err: error }, 'live: redis adapter could not connect'));
  // A short block keeps shutdown quick: the stream reader only stops after its pending XREAD returns.
  const adapter = createAdapter(client, { streamName: PREFIX, channelPrefix: PREFIX, sessionKeyPrefix: `${PREFIX}:session:`, blockTimeInMs: 1_000 });
  return {
    adapter,
    async close() {
      if (!client.isOpen) return;
      // close() waits for pending replies, which never come while Redis is down.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, 2_000, 'timeout')));
      const outcome = await Promise.race([client.close().then(() => 'closed' as const), timeout]).finally(() => clearTimeout(timer));
      if (outcome === 'timeout') client.destroy();
    },
  };
}

/** The part of a node-redis client that `watch` uses (any of its generic instantiations). */
interface ConnectionEvents {
  on(event: 'error' | 'ready', listener: (error: unknown) => void): unknown;
}

function watch(client: ConnectionEvents, connection: string, logger: Logger, reconnected: () => void): void {
  let everReady = false;
  let down = false;
  // Without an 'error' listener a Redis blip would crash the process.
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, connection }, 'live: redis connection lost, reconnecting');
  });
  client.on('ready', () => {
    down = false;
    if (!everReady) {
      everReady = true;
      return;
    }
    logger.info({ connection }, 'live: redis connection restored');
    reconnected();
  });
}

// Exponential backoff capped at 2 s, with jitter.
function backoff(retries: number): number {
  return Math.min(2 ** retries * 50, 2_000) + Math.floor(Math.random() * 200);
}
