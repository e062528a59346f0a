/**
 * The y-websocket wire protocol, decoded defensively: every frame from a client is untrusted, so each read is bounds
 * checked and every failure becomes a ProtocolError carrying the close code to send. lib0's decoders throw generic
 * errors on truncation (or read past the end silently), so they are only called once the bytes are known to exist.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';

/** y-websocket's top-level message types (the first varUint of a frame). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sub-types of a sync message (y-protocols/sync). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;
/** The only auth sub-type y-protocols defines. */
const authPermissionDenied = 0;

/** A frame that cannot be accepted; `code` is the close code the connection must be closed with. */
export class ProtocolError extends Error {
  constructor(
    readonly code: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** One client's entry in an awareness update; `state` null means the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A decoded client frame. Byte arrays are copies, so they never alias (and pin) the socket's receive buffer. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: 'auth'; reason: string }
  | { type: 'queryAwareness' };

const malformed = (message: string) => new ProtocolError(CloseCode.malformedMessage, message);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readVarUint(decoder: decoding.Decoder, what: string): number {
  let value: number;
  try {
    value = decoding.readVarUint(decoder);
  } catch {
    throw malformed(`truncated or oversized varint (${what})`);
  }
  // lib0 only checks the range between bytes, so a last byte can still push the value past exact integers.
  if (!Number.isSafeInteger(value)) throw malformed(`varint out of range (${what})`);
  return value;
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = readVarUint(decoder, `${what} length`);
  if (length > decoder.arr.length - decoder.pos) throw malformed(`truncated ${what}`);
  return decoding.readUint8Array(decoder, length).slice();
}

function readString(decoder: decoding.Decoder, what: string): string {
  try {
    return utf8.decode(readBytes(decoder, what));
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw malformed(`invalid UTF-8 (${what})`);
  }
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw malformed(`trailing bytes after ${what}`);
}

function readUpdate(decoder: decoding.Decoder, what: string): Uint8Array {
  const update = readBytes(decoder, what);
  if (update.length === 0) throw new ProtocolError(CloseCode.invalidUpdate, `empty ${what}`);
  return update;
}

/** Checks a state vector's structure (count, then client/clock pairs) so it can be handed to Yjs safely. */
function checkStateVector(stateVector: Uint8Array): void {
  const decoder = decoding.createDecoder(stateVector);
  const count = readVarUint(decoder, 'state vector size');
  for (let i = 0; i < count; i++) {
    readVarUint(decoder, 'state vector client');
    readVarUint(decoder, 'state vector clock');
  }
  expectEnd(decoder, 'state vector');
}

/** Decodes an awareness update (y-protocols/awareness layout); throws ProtocolError(malformedMessage) if it is not one. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder, 'awareness count');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder, 'awareness client id');
    const clock = readVarUint(decoder, 'awareness clock');
    const json = readString(decoder, 'awareness state');
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw malformed('awareness state is not JSON');
    }
    entries.push({ clientId, clock, state });
  }
  expectEnd(decoder, 'awareness update');
  return entries;
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const syncType = readVarUint(decoder, 'sync type');
  let message: ClientMessage;
  switch (syncType) {
    case SyncType.step1: {
      const stateVector = readBytes(decoder, 'state vector');
      checkStateVector(stateVector);
      message = { type: 'syncStep1', stateVector };
      break;
    }
    case SyncType.step2:
      message = { type: 'syncStep2', update: readUpdate(decoder, 'sync step 2 update') };
      break;
    case SyncType.update:
      message = { type: 'update', update: readUpdate(decoder, 'update') };
      break;
    default:
      throw malformed(`unknown sync type ${syncType}`);
  }
  expectEnd(decoder, 'sync message');
  return message;
}

/**
 * Decodes one client frame. Only framing and structure are checked here; whether an update is well formed and
 * allowed is the caller's next step (isWellFormedUpdate, updateCarriesChanges, the document's shape check).
 */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = readVarUint(decoder, 'message type');
  switch (type) {
    case MessageType.sync:
      return decodeSync(decoder);
    case MessageType.awareness: {
      const update = readBytes(decoder, 'awareness update');
      expectEnd(decoder, 'awareness message');
      return { type: 'awareness', update, entries: decodeAwarenessUpdate(update) };
    }
    case MessageType.auth: {
      const authType = readVarUint(decoder, 'auth type');
      if (authType !== authPermissionDenied) throw malformed(`unknown auth type ${authType}`);
      const reason = readString(decoder, 'auth reason');
      expectEnd(decoder, 'auth message');
      return { type: 'auth', reason };
    }
    case MessageType.queryAwareness:
      expectEnd(decoder, 'query awareness message');
      return { type: 'queryAwareness' };
    default:
      throw malformed(`unknown message type ${type}`);
  }
}

/** Whether an update decodes as a Yjs (v1) update, checked without applying it to any live document. */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  if (update.length === 0) return false;
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether an update inserts or deletes anything. The stock WebsocketProvider answers the server's sync step 1 with
 * an update even when it has nothing (`[0, 0]`), which a read-only client must be allowed to send. Given the
 * server's `doc`, only what `doc` lacks counts: a reconnecting provider's step 2 repeats its whole delete set, which
 * changes nothing once the server has those deletions. Throws ProtocolError(invalidUpdate) when it does not decode.
 */
export function updateCarriesChanges(update: Uint8Array, doc?: Y.Doc): boolean {
  return updateChanges(update, doc).changes;
}

/** What an update brings: whether it changes anything, and the client ids whose new content it carries. */
export interface UpdateChanges {
  changes: boolean;
  /** Client ids with content `doc` lacks (whoever sends the update wrote it), each once; empty without `doc`. */
  writers: number[];
}

const NO_CHANGES: UpdateChanges = { changes: false, writers: [] };

/**
 * {@link updateCarriesChanges}, also naming the client ids whose new content the update carries, from the same
 * single decoding (it is on every update's path).
 */
export function updateChanges(update: Uint8Array, doc?: Y.Doc): UpdateChanges {
  // `[0, 0]` (no struct groups, no delete set) is the whole of an empty update: every reader sends it on joining.
  if (update.length === 2 && update[0] === 0 && update[1] === 0) return NO_CHANGES;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError(CloseCode.invalidUpdate, 'update does not decode');
  }
  if (doc === undefined) {
    if (decoded.structs.length > 0) return { changes: true, writers: [] };
    // A crafted update may list a client with no deleted ranges: that deletes nothing.
    for (const ranges of decoded.ds.clients.values()) if (ranges.length > 0) return { changes: true, writers: [] };
    return NO_CHANGES;
  }
  const writers: number[] = [];
  for (const struct of decoded.structs) {
    const client = struct.id.client;
    if (!(struct instanceof Y.Skip) && struct.id.clock + struct.length > Y.getState(doc.store, client) && !writers.includes(client)) writers.push(client);
  }
  if (writers.length > 0) return { changes: true, writers };
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) if (!isDeletedIn(doc, client, clock, len)) return { changes: true, writers };
  }
  return NO_CHANGES;
}

/** Whether every item of `client` in [clock, clock + len) exists in `doc` and is already deleted there. */
function isDeletedIn(doc: Y.Doc, client: number, clock: number, len: number): boolean {
  if (len <= 0) return true;
  const structs = doc.store.clients.get(client);
  if (structs === undefined || clock + len > Y.getState(doc.store, client)) return false;
  for (let index = Y.findIndexSS(structs, clock), at = clock; at < clock + len; index++) {
    const struct = structs[index];
    if (struct === undefined || !struct.deleted) return false;
    at = struct.id.clock + struct.length;
  }
  return true;
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Server → client sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

/** Server → client sync step 2: the update the client lacks, computed from its state vector. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.step2);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Server → client incremental document update (another client's accepted change). */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.sync);
    encoding.writeVarUint(e, SyncType.update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Server → client awareness update (cursors and presence of the other clients). */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, update);
  });
}

/** Server → client permission denied, which the stock provider reports through its `permissionDeniedHandler`. */
export function encodePermissionDenied(reason: string): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, MessageType.auth);
    encoding.writeVarUint(e, authPermissionDenied);
    encoding.writeVarString(e, reason);
  });
}
