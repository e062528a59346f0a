/**
 * The socket.io side of the live stream: thin handlers that validate each payload, call the hub, and answer
 * through the ack. A request without an ack callback is ignored (there is no way to answer it).
 */
import type { Logger } from 'pino';
import type { Server, Socket } from 'socket.io';
import {
  type LiveErrorCode,
  LiveErrorCodeSchema,
  type LiveMessage,
  LiveSocketEvent,
  type ServerToClientEvents,
  type SubscribeAck,
  SubscribeRequestSchema,
  type UnsubscribeAck,
  UnsubscribeRequestSchema,
} from '../../shared/api/live.ts';
import { ErrorCode } from '../../shared/errors.ts';
import { DomainError } from '../common/errors.ts';
import type { LiveConnectionLimit } from './connectionLimit.ts';
import type { LiveHub } from './hub.ts';
import type { LiveSink, Subscription } from './subscription.ts';

/** What clients send, as the server sees it: unchecked until parsed. */
export interface IncomingEvents {
  subscribe: (payload: unknown, ack?: unknown) => void;
  unsubscribe: (payload: unknown, ack?: unknown) => void;
}

/** Events between nodes (socket.io server-side emits). */
export interface InterNodeEvents {
  'live:entries': (payload: unknown) => void;
}

/** The live socket.io server's type. */
export type LiveServer = Server<IncomingEvents, ServerToClientEvents, InterNodeEvents>;
type LiveSocket = Socket<IncomingEvents, ServerToClientEvents, InterNodeEvents>;

/** Limits of one socket. */
export interface SocketLimits {
  maxSubscriptionsPerSocket: number;
}

/**
 * Refuses a socket whose client address holds as many live connections as it may (LIVE12): `connect_error` with the
 * refusal as its `data`. An admitted socket gives its slot back however it ends.
 */
export function limitConnections(io: LiveServer, limit: LiveConnectionLimit): void {
  io.use((socket, next) => {
    const release = limit.admit(socket.request);
    if (release === null) return next(Object.assign(new Error(limit.refusal.message), { data: limit.refusal }));
    // 'disconnect' comes only once a socket has connected; the transport's close also covers one lost during admission.
    const done = () => {
      socket.conn.off('close', done);
      release();
    };
    socket.once('disconnect', done);
    socket.conn.once('close', done);
    next();
  });
}

/** Handles every socket's subscribe / unsubscribe. */
export function handleSockets(io: LiveServer, hub: LiveHub, limits: SocketLimits, logger: Logger): void {
  io.on('connection', (socket) => {
    const subscriptions = new Map<string, Subscription>();
    socket.on(LiveSocketEvent.subscribe, (payload, ack) => {
      if (typeof ack !== 'function') return;
      subscribe({ hub, socket, subscriptions, limits, logger }, payload, ack as (answer: SubscribeAck) => void).catch((error: unknown) =>
        logger.error({ err: error }, 'live: subscribe handler failed'),
      );
    });
    socket.on(LiveSocketEvent.unsubscribe, (payload, ack) => {
      const answer = unsubscribe(subscriptions, payload);
      if (typeof ack === 'function') (ack as (answer: UnsubscribeAck) => void)(answer);
    });
    socket.on('disconnect', () => {
      for (const subscription of [...subscriptions.values()]) subscription.close();
      subscriptions.clear();
    });
  });
}

interface SocketContext {
  hub: LiveHub;
  socket: LiveSocket;
  subscriptions: Map<string, Subscription>;
  limits: SocketLimits;
  logger: Logger;
}

async function subscribe(context: SocketContext, payload: unknown, ack: (answer: SubscribeAck) => void): Promise<void> {
  const { hub, socket, subscriptions, limits } = context;
  const parsed = SubscribeRequestSchema.safeParse(payload);
  if (!parsed.success) return ack(refusal(ErrorCode.validationFailed, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')));
  const { billId } = parsed.data;
  // Subscribing again to a bill replaces the earlier subscription (e.g. to resume from another cursor).
  subscriptions.get(billId)?.close();
  if (subscriptions.size >= limits.maxSubscriptionsPerSocket) {
    return ack(refusal(ErrorCode.tooManySubscriptions, `A connection follows at most ${limits.maxSubscriptionsPerSocket} bills`));
  }
  let subscription: Subscription;
  try {
    subscription = await hub.open(parsed.data, socketSink(socket, billId));
  } catch (error) {
    return ack(refusalOf(error, context.logger));
  }
  // The socket may have left, or sent other subscribes, while the bill was looked up.
  subscriptions.get(billId)?.close();
  if (socket.disconnected || subscriptions.size >= limits.maxSubscriptionsPerSocket) {
    subscription.close();
    if (socket.connected) ack(refusal(ErrorCode.tooManySubscriptions, `A connection follows at most ${limits.maxSubscriptionsPerSocket} bills`));
    return;
  }
  subscriptions.set(billId, subscription);
  subscription.onClose(() => {
    if (subscriptions.get(billId) === subscription) subscriptions.delete(billId);
  });
  // The ack goes first: the client learns where the stream starts before any message of it.
  ack({ ok: true, cursor: subscription.cursor });
  await subscription.replay();
}

function unsubscribe(subscriptions: Map<string, Subscription>, payload: unknown): UnsubscribeAck {
  const parsed = UnsubscribeRequestSchema.safeParse(payload);
  if (!parsed.success) return refusal(ErrorCode.validationFailed, parsed.error.issues.map((issue) => issue.message).join('; '));
  subscriptions.get(parsed.data.billId)?.close();
  return { ok: true };
}

// Packets waiting in engine.io's write buffer: a replay waits past the first mark, a live client is cut past the second.
const REPLAY_HIGH_WATER = 64;
const CUT_OFF = 5_000;

/** Messages to one socket. */
function socketSink(socket: LiveSocket, billId: string): LiveSink {
  // engine.io exposes no public measure of what a socket has yet to send; its write buffer (private in the typings)
  // holds the packets the transport has not taken, which grows when the client reads slowly.
  const waiting = () => (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
  return {
    send(message: LiveMessage) {
      socket.emit(LiveSocketEvent.event, message);
      return waiting() < REPLAY_HIGH_WATER;
    },
    overloaded: () => waiting() > CUT_OFF,
    async drained() {
      while (socket.connected && waiting() >= REPLAY_HIGH_WATER) {
        await new Promise<void>((resolve) => {
          const done = () => {
            socket.conn.off('drain', done);
            socket.off('disconnect', done);
            resolve();
          };
          socket.conn.on('drain', done);
          socket.on('disconnect', done);
        });
      }
    },
    end(reason) {
      socket.emit(LiveSocketEvent.ended, { billId, reason });
    },
  };
}

function refusal(code: LiveErrorCode, message: string): { ok: false; code: LiveErrorCode; message: string } {
  return { ok: false, code, message };
}

// Domain errors keep their code; anything else is logged and answered as internal_error, without its details.
function refusalOf(error: unknown, logger: Logger): { ok: false; code: LiveErrorCode; message: string } {
  if (error instanceof DomainError) {
    const code = LiveErrorCodeSchema.safeParse(error.code);
    if (code.success) return refusal(code.data, error.message);
  }
  logger.error({ err: error }, 'live: subscribe failed');
  return refusal(ErrorCode.internal, 'The live stream is unavailable; retry later');
}
