/**
 * The live stream as Server-Sent Events, for clients without socket.io (`EventSource`, curl): the same messages,
 * each with `id:` = its cursor, so a browser's automatic reconnection (`Last-Event-ID`) resumes without a gap.
 *
 * Declared with defineRoute so the path, the query and the errors are validated and documented like every other
 * endpoint; the handler writes the stream itself and resolves when the client leaves, and the route's empty
 * "response" is then a no-op on the finished response.
 */
import type { Request, Response } from 'express';
import { BillParamsSchema } from '../../shared/api/bills.ts';
import { LastEventIdSchema, type LiveEndReason, type LiveMessage, LiveSseQuerySchema, SseEvent } from '../../shared/api/live.ts';
import { DomainError } from '../common/errors.ts';
import { defineRoute, type MountableRoute } from '../http/route.ts';
import type { LiveConnectionLimit } from './connectionLimit.ts';
import type { LiveHub } from './hub.ts';
import type { LiveSink } from './subscription.ts';

/** Timings of SSE streams. */
export interface SseOptions {
  /** A comment line is sent this often, so proxies keep the connection and dead clients are noticed. */
  heartbeatMs: number;
}

// Browsers wait this long before reconnecting after the stream ends.
const RETRY_MS = 2_000;
// Bytes buffered for a client: a replay waits past the first mark (write() returns false), a live client is cut past this.
const CUT_OFF_BYTES = 8 * 1024 * 1024;

/** `GET /bills/:id/live`; each stream holds one of its client address's live connections (LIVE12) while open. */
export function liveSseRoute(hub: LiveHub, limit: LiveConnectionLimit, options: SseOptions): MountableRoute {
  return defineRoute({
    method: 'get',
    path: '/bills/:id/live',
    tag: 'Live',
    summary:
      'The bill’s live stream as Server-Sent Events (text/event-stream): first `subscribed` {billId, cursor}, then one event per ' +
      'message, `id` = cursor, `event` = type (ledger entry type or vote.tally), `data` = the message JSON. Resumes after ' +
      '`Last-Event-ID` (or `?after=`); without either, only what happens from now on. Comment heartbeats every 15 s. ' +
      'A client address holding as many live connections (SSE and socket.io) as allowed gets 429 `too_many_connections`.',
    params: BillParamsSchema,
    query: LiveSseQuerySchema,
    status: 200,
    response: null,
    errors: [404, 429],
    handler: async ({ params, query, req, res }) => {
      const release = limit.admit(req);
      if (release === null) throw new DomainError(limit.refusal.code, limit.refusal.message);
      try {
        await streamSse(hub, options, { billId: params.id, after: query.after }, req, res);
      } finally {
        // The stream is over, however it ended (the client left, the server ended it, or it never started).
        release();
      }
    },
  });
}

async function streamSse(hub: LiveHub, options: SseOptions, request: { billId: string; after: number | undefined }, req: Request, res: Response): Promise<void> {
  const header = req.headers['last-event-id'];
  // A browser resuming sends Last-Event-ID with the URL it first opened: the header is the newer cursor.
  const after = header === undefined ? request.after : LastEventIdSchema.parse(header);
  let gone = false;
  const left = new Promise<void>((resolve) => res.once('close', resolve)).then(() => (gone = true));
  const subscription = await hub.open({ billId: request.billId, after }, sseSink(res));
  if (gone) return subscription.close();
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Reverse proxies (nginx) must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  res.write(`retry: ${RETRY_MS}\n` + frame(subscription.cursor, SseEvent.subscribed, { billId: request.billId, cursor: subscription.cursor }));
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, options.heartbeatMs);
  heartbeat.unref();
  void subscription.replay();
  await left;
  clearInterval(heartbeat);
  subscription.close();
}

function sseSink(res: Response): LiveSink {
  return {
    send(message: LiveMessage) {
      if (res.writableEnded || res.destroyed) return true;
      return res.write(frame(message.cursor, message.event.type, message));
    },
    overloaded: () => res.writableLength > CUT_OFF_BYTES,
    drained() {
      if (res.writableEnded || res.destroyed || !res.writableNeedDrain) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    },
    end(reason: LiveEndReason) {
      if (res.writableEnded || res.destroyed) return;
      res.end(`event: ${SseEvent.ended}\ndata: ${JSON.stringify({ reason })}\n\n`);
    },
  };
}

/** One SSE event; JSON.stringify never emits a line break, so `data` fits on one line. */
function frame(id: number, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
