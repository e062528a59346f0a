/**
 * WebSocket close codes of the collaboration endpoint, shared by server and client so the client can tell a retryable
 * close from a final one. All sit in 4000–4999, the range RFC 6455 leaves to applications; numbers never change
 * meaning once published.
 */
export const CloseCode = {
  /** The path names a document that does not exist (or the user may not know exists). */
  unknownDocument: 4000,
  /** The URL path is not `/collab/<kind>:<id>` (bad kind, bad id, extra segments, bad percent-encoding). */
  malformedPath: 4001,
  /** The credentials sent with the connection are missing, invalid or expired. */
  authenticationFailed: 4002,
  /** The client did not authenticate in time after opening the socket. */
  authenticationTimeout: 4003,
  /** A read-only client sent document changes. */
  readOnly: 4004,
  /** A single message exceeds the size the server accepts. */
  messageTooLarge: 4005,
  /** Applying the change would make the document larger than the server keeps. */
  documentTooLarge: 4006,
  /** The client sent too many messages or bytes in too short a time. */
  rateLimited: 4007,
  /** A message could not be decoded (truncated, unknown type, trailing bytes). */
  malformedMessage: 4008,
  /** A document update is empty, undecodable or would break the document's shape. */
  invalidUpdate: 4009,
  /** The user's rights on the document were revoked while connected; reconnect to get the new rights. */
  permissionsChanged: 4010,
  /** The user or server already holds as many connections as allowed. */
  tooManyConnections: 4011,
  /** The server is shutting down; reconnect (to another node) after a delay. */
  serverShutdown: 4012,
  /** The server cannot store changes right now; nothing of the client's unsaved changes was kept, reconnect later to resend them. */
  unavailable: 4013,
} as const;

/** One of the collaboration close codes. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Reason texts, kept short: a close frame's reason must fit in 123 bytes of UTF-8. */
const reasons: Record<CloseCode, string> = {
  [CloseCode.unknownDocument]: 'unknown document',
  [CloseCode.malformedPath]: 'malformed path',
  [CloseCode.authenticationFailed]: 'authentication failed',
  [CloseCode.authenticationTimeout]: 'authentication timeout',
  [CloseCode.readOnly]: 'read-only connection',
  [CloseCode.messageTooLarge]: 'message too large',
  [CloseCode.documentTooLarge]: 'document too large',
  [CloseCode.rateLimited]: 'rate limited',
  [CloseCode.malformedMessage]: 'malformed message',
  [CloseCode.invalidUpdate]: 'invalid update',
  [CloseCode.permissionsChanged]: 'permissions changed',
  [CloseCode.tooManyConnections]: 'too many connections',
  [CloseCode.serverShutdown]: 'server shutdown',
  [CloseCode.unavailable]: 'storage unavailable',
};

/** The short reason text sent with a close code. */
export function closeReason(code: CloseCode): string {
  return reasons[code];
}

/** Whether a received close code is one of ours (the client decides on reconnecting from it). */
export function isCloseCode(code: number): code is CloseCode {
  return Object.prototype.hasOwnProperty.call(reasons, code);
}

