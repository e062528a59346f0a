/**
 * The live stream of a bill, one protocol for two transports: socket.io (path `/socket.io/`) and Server-Sent
 * Events (`GET /api/v1/bills/:id/live`). Both carry the same messages, each with a `cursor`: the bill's ledger
 * position the client has reached. Give the last cursor back (`after`, or `Last-Event-ID` for SSE) to resume with
 * every message missed, in order, once.
 */
import { z } from 'zod';
import { ErrorCode } from '../errors.ts';
import { LedgerRedactionSchema } from './ledger.ts';
import { VoteTallySchema, VoteTargetSchema } from './votes.ts';

/** Bumped when a message changes shape incompatibly. */
export const LIVE_PROTOCOL_VERSION = 1;

/** The socket.io path, on the same origin as the API. */
export const LIVE_SOCKET_PATH = '/socket.io/';

/** The only socket.io transport served (no HTTP long-polling): pass it as the client's `transports` option. */
export const LIVE_TRANSPORTS = ['websocket'] as const;

/** socket.io event names, both directions. */
export const LiveSocketEvent = {
  /** client → server: follow a bill, `SubscribeRequest` + ack `SubscribeAck`. */
  subscribe: 'subscribe',
  /** client → server: stop following a bill, `UnsubscribeRequest` + optional ack `UnsubscribeAck`. */
  unsubscribe: 'unsubscribe',
  /** server → client: one `LiveMessage`. */
  event: 'event',
  /** server → client: the server ended a subscription (`LiveEnded`); resubscribe with the last cursor. */
  ended: 'ended',
} as const;

/** The type of the coalesced vote message. */
export const VOTE_TALLY = 'vote.tally';

const billId = z.string().min(1).max(100);

/** A position in a bill's ledger: the `seq` of the last entry the client has (0 = before the first). */
export const LiveCursorSchema = z
  .number()
  .int()
  .min(0)
  .max(2_147_483_647)
  .meta({ description: 'The bill’s ledger position reached: resume after it' });

/** Follow a bill. Without `after`: only what happens from now on; with it: every entry after it, then live. */
export const SubscribeRequestSchema = z.strictObject({ billId, after: LiveCursorSchema.optional() }).meta({ id: 'LiveSubscribe' });
export type SubscribeRequest = z.infer<typeof SubscribeRequestSchema>;

/** Stop following a bill. */
export const UnsubscribeRequestSchema = z.strictObject({ billId }).meta({ id: 'LiveUnsubscribe' });
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequestSchema>;

/** Why a live request was refused: stable error ids of shared/errors.ts. */
export const LiveErrorCodeSchema = z.enum([
  ErrorCode.validationFailed,
  ErrorCode.billNotFound,
  ErrorCode.tooManySubscriptions,
  ErrorCode.internal,
]);
export type LiveErrorCode = z.infer<typeof LiveErrorCodeSchema>;

/** Why the server refused a socket.io connection: the `data` of the client's `connect_error` (whose `message` is the same text). */
export const LiveConnectRefusalSchema = z
  .object({ code: z.enum([ErrorCode.tooManyConnections]), message: z.string() })
  .meta({ id: 'LiveConnectRefusal' });
export type LiveConnectRefusal = z.infer<typeof LiveConnectRefusalSchema>;

const refusal = z.object({ ok: z.literal(false), code: LiveErrorCodeSchema, message: z.string() });

/** Answer to `subscribe`: the cursor messages start after, or why not. */
export const SubscribeAckSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), cursor: LiveCursorSchema }), refusal]);
export type SubscribeAck = z.infer<typeof SubscribeAckSchema>;

/** Answer to `unsubscribe`. */
export const UnsubscribeAckSchema = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), refusal]);
export type UnsubscribeAck = z.infer<typeof UnsubscribeAckSchema>;

/** A ledger entry as streamed; `data` is what the entry type's presenter shows (by default its payload). */
export const LedgerLiveEventSchema = z
  .object({
    seq: z.number().int().meta({ description: 'Position in the bill’s ledger; equals the message cursor' }),
    id: z.number().int().meta({ description: 'The ledger entry’s global id' }),
    type: z.string().meta({ example: 'rapporteur.granted' }),
    at: z.string().meta({ description: 'When the entry was written (ISO 8601)' }),
    actorId: z.string().nullable(),
    data: z.unknown(),
    /** Only on an entry read from the ledger (replay, repair) while text of a hidden contribution was withheld from `data`. */
    redacted: LedgerRedactionSchema.optional(),
  })
  .meta({ id: 'LedgerLiveEvent' });
export type LedgerLiveEvent = z.infer<typeof LedgerLiveEventSchema>;

/** Votes are not streamed one by one: a target's current tally, at most once a second per target. */
export const VoteTallyEventSchema = z
  .object({ type: z.literal(VOTE_TALLY), target: VoteTargetSchema, tally: VoteTallySchema })
  .meta({ id: 'VoteTallyEvent' });
export type VoteTallyEvent = z.infer<typeof VoteTallyEventSchema>;

/** What a message carries. */
export const LiveEventSchema = z.union([VoteTallyEventSchema, LedgerLiveEventSchema]);
export type LiveEvent = z.infer<typeof LiveEventSchema>;

/** One message of a bill's stream. */
export const LiveMessageSchema = z
  .object({ billId, cursor: LiveCursorSchema, event: LiveEventSchema })
  .meta({ id: 'LiveMessage' });
export type LiveMessage = z.infer<typeof LiveMessageSchema>;

/** True for a coalesced vote tally, false for a ledger entry. */
export function isVoteTally(event: LiveEvent): event is VoteTallyEvent {
  return event.type === VOTE_TALLY;
}

/** Why the server ended a subscription; the client resubscribes with its last cursor (after a pause). */
export const LiveEndReasonSchema = z.enum([
  /** The node is stopping. */
  'server_shutdown',
  /** The client did not read its messages fast enough. */
  'too_slow',
  /** The ledger could not be read. */
  'unavailable',
]);
export type LiveEndReason = z.infer<typeof LiveEndReasonSchema>;

/** Sent (socket.io `ended`) when the server ends a subscription. */
export const LiveEndedSchema = z.object({ billId, reason: LiveEndReasonSchema }).meta({ id: 'LiveEnded' });
export type LiveEnded = z.infer<typeof LiveEndedSchema>;

/** Query of the SSE endpoint; the `Last-Event-ID` header, sent by browsers when they reconnect, wins over it. */
export const LiveSseQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(2_147_483_647).optional().meta({ description: 'Resume after this cursor' }),
});

/** The `Last-Event-ID` header of the SSE endpoint. */
export const LastEventIdSchema = z.coerce.number().int().min(0).max(2_147_483_647);

/** The SSE event names that are not entry types. */
export const SseEvent = {
  /** First event of a stream: `{ billId, cursor }`, the cursor messages start after (also set as the event id). */
  subscribed: 'subscribed',
  /** Last event when the server ends the stream: `{ reason }` (LiveEndReason); the browser reconnects by itself. */
  ended: 'ended',
} as const;

/** socket.io events the server sends (for `io<ServerToClientEvents, ClientToServerEvents>()` in the browser). */
export interface ServerToClientEvents {
  event: (message: LiveMessage) => void;
  ended: (notice: LiveEnded) => void;
}

/** socket.io events the client sends; the server validates every payload, whatever these types say. */
export interface ClientToServerEvents {
  subscribe: (request: SubscribeRequest, ack: (answer: SubscribeAck) => void) => void;
  unsubscribe: (request: UnsubscribeRequest, ack?: (answer: UnsubscribeAck) => void) => void;
}
