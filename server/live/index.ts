/**
 * The live stream of each bill's ledger, assembled: socket.io on the API's HTTP server (`/socket.io/`), the SSE
 * endpoint, the hub of followed bills, and the relay of committed entries between nodes. docs/SPEC.md (LIVE) lists
 * what it guarantees.
 *
 * Inter-node relay of committed entries: socket.io server-side emits through the Redis adapter, so one Redis
 * integration carries all live traffic. Our bus would do as well and no better: the streams adapter sends
 * server-side emits over plain pub/sub (only broadcasts go through its stream), exactly like the bus, and a relay
 * published during an outage may be lost either way (node-redis queues commands while disconnected, but the
 * receiving node may not have resubscribed yet). What the bus offers beyond, a signal once it has resubscribed, we
 * get by watching the adapter's own connections (redisAdapter.ts) and the bus's reconnections. So no relay is
 * trusted alone: a node reads the ledger when it sees a gap, after any of those reconnections, and on its periodic
 * head check (LIVE4).
 */
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import { LedgerEventSchema, type LedgerEvent } from '../../shared/api/ledger.ts';
import { LIVE_SOCKET_PATH, LIVE_TRANSPORTS } from '../../shared/api/live.ts';
import type { Bus } from '../bus/index.ts';
import type { MountableRoute } from '../http/route.ts';
import { type RedactEntries, sqlLedgerSource } from '../modules/ledger/index.ts';
import type { Database } from '../storage/database.ts';
import { LiveConnectionLimit } from './connectionLimit.ts';
import { LiveHub, type LiveTimings } from './hub.ts';
import { type Presenter, PresenterRegistry } from './presenters.ts';
import { connectRedisAdapter, type LiveRedis } from './redisAdapter.ts';
import { handleSockets, limitConnections, type LiveServer } from './socketTransport.ts';
import { liveSseRoute } from './sseRoute.ts';
import type { TallySource } from './votes.ts';

export type { Presenter } from './presenters.ts';
export type { TallySource } from './votes.ts';

/** Settings of the live stream (defaults in `defaultLiveOptions`). */
export interface LiveOptions extends LiveTimings {
  sseHeartbeatMs: number;
  maxSubscriptionsPerSocket: number;
  /** Largest socket.io message accepted from a client, in bytes. */
  maxMessageBytes: number;
  /** Live connections (socket.io sockets and SSE streams together) one client address may hold on this node. */
  maxConnectionsPerAddress: number;
}

/** The defaults: head check every 2 s, one tally per target per second, heartbeats every 15 s, 50 connections per address. */
export const defaultLiveOptions: LiveOptions = {
  headCheckMs: 2_000,
  tallyWindowMs: 1_000,
  gapGraceMs: 100,
  pageSize: 200,
  sseHeartbeatMs: 15_000,
  maxSubscriptionsPerSocket: 50,
  maxMessageBytes: 16 * 1024,
  maxConnectionsPerAddress: 50,
};

/** What the composition root provides. */
export interface LiveDeps {
  db: Database;
  logger: Logger;
  /** Its reconnections also prompt a reread of the ledger. */
  bus: Bus;
  /** With it, socket.io uses the Redis streams adapter and relays entries to the other nodes. */
  redisUrl: string | undefined;
  /** Origins allowed to open sockets from a browser; empty allows any (development). */
  allowedOrigins: string[];
  tallyOf: TallySource;
  /** Applied to every entry read from the ledger (replays, repairs): withholds the text of hidden contributions. */
  redact: RedactEntries;
  /** The client's address (honouring the proxy settings): the key of the per-address connection limit. */
  addressOf: (request: IncomingMessage) => string;
  options?: Partial<LiveOptions>;
}

/** A running live stream. */
export interface Live {
  /** Tells the live stream about entries a use case committed (call it after the commit); never throws. */
  published: (billId: string, entries: LedgerEvent[]) => void;
  /** Sets how entries of one type are shown (default: their payload). */
  registerPresenter(type: string, presenter: Presenter): void;
  /** The SSE endpoint, to mount with the API's routes. */
  routes: MountableRoute[];
  /** Live connections (socket.io and SSE) a client address holds on this node (LIVE12). */
  connectionsOf(address: string): number;
  /** Starts serving `/socket.io/` on the server; call it after the API's request handler is attached. */
  attach(server: HttpServer): void;
  /** Ends every subscription, closes sockets, timers and the adapter's Redis connection. */
  close(): Promise<void>;
}

const RELAY_EVENT = 'live:entries';
const RelaySchema = z.object({ billId: z.string(), entries: z.array(LedgerEventSchema).max(10_000) });

/** Builds the live stream; `attach` starts serving sockets. */
export function createLive(deps: LiveDeps): Live {
  const options = { ...defaultLiveOptions, ...deps.options };
  const presenters = new PresenterRegistry(deps.logger);
  let hub: LiveHub | null = null;
  const redis: LiveRedis | null = deps.redisUrl ? connectRedisAdapter(deps.redisUrl, deps.logger, () => void hub?.repairAll()) : null;
  const io: LiveServer = new Server({
    path: LIVE_SOCKET_PATH,
    transports: [...LIVE_TRANSPORTS],
    serveClient: false,
    maxHttpBufferSize: options.maxMessageBytes,
    // Other upgrade paths are /collab/ (admitted asynchronously) or refused by the HTTP layer: socket.io must leave them be.
    destroyUpgrade: false,
    allowRequest: (request, callback) => callback(null, originAllowed(request, deps.allowedOrigins)),
    ...(redis ? { adapter: redis.adapter } : {}),
  });
  hub = new LiveHub({
    ...options,
    ledger: sqlLedgerSource(deps.db, deps.redact),
    presenters,
    tallyOf: deps.tallyOf,
    logger: deps.logger,
    // Only the Redis adapter reaches other nodes; the in-memory one has none (and warns on server-side emits).
    relay: redis ? (billId, entries) => io.serverSideEmit(RELAY_EVENT, { billId, entries }) : () => undefined,
  });
  const liveHub = hub;
  io.on(RELAY_EVENT, (payload: unknown) => {
    // Other nodes may run another version: their messages are input like any other.
    const parsed = RelaySchema.safeParse(payload);
    if (parsed.success) liveHub.received(parsed.data.billId, parsed.data.entries);
    else deps.logger.warn({ err: parsed.error }, 'live: dropped an invalid relay message');
  });
  const stopBusWatch = deps.bus.onReconnect(() => void liveHub.repairAll());
  const connectionLimit = new LiveConnectionLimit(options.maxConnectionsPerAddress, deps.addressOf);
  limitConnections(io, connectionLimit);
  handleSockets(io, liveHub, options, deps.logger);
  let attached = false;
  return {
    published: (billId, entries) => liveHub.published(billId, entries),
    registerPresenter: (type, presenter) => presenters.register(type, presenter),
    routes: [liveSseRoute(liveHub, connectionLimit, { heartbeatMs: options.sseHeartbeatMs })],
    connectionsOf: (address) => connectionLimit.of(address),
    attach(server) {
      // engine.io takes over the server's 'request' listeners to serve HTTP long-polling. The live stream is
      // WebSocket-only, which also spares a multi-node deployment sticky sessions, so the API's handler is put back
      // as the server's own listener; socket.io keeps only its 'upgrade' listener.
      const handlers = server.listeners('request') as Array<(...args: unknown[]) => void>;
      io.attach(server);
      server.removeAllListeners('request');
      for (const handler of handlers) server.on('request', handler);
      attached = true;
    },
    async close() {
      stopBusWatch();
      liveHub.close();
      // socket.io's close() also stops the HTTP server listening; the composition root closes that right after anyway.
      if (attached) await io.close();
      else {
        // Never attached (startup failed): socket.io's close() needs an engine; the adapters still hold Redis readers.
        for (const namespace of io._nsps.values()) await namespace.adapter.close();
      }
      await redis?.close();
    },
  };
}

// Browsers always send Origin; refusing foreign ones stops other sites from reading through a visitor's browser.
function originAllowed(request: IncomingMessage, allowed: string[]): boolean {
  const origin = request.headers.origin;
  return origin === undefined || allowed.length === 0 || allowed.includes(origin);
}
