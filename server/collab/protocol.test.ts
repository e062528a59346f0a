import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/closeCodes.ts';
import { mulberry32 as prng } from '../../test/helpers/random.ts';
import {
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  isWellFormedUpdate,
  MessageType,
  ProtocolError,
  updateCarriesChanges,
} from './protocol.ts';

/** A frame as the stock y-websocket client builds it. */
function clientFrame(messageType: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function editedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'Article premier');
  return doc;
}

function awarenessFrame(): { frame: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Rapporteure' }, cursor: null });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return { frame: clientFrame(MessageType.awareness, (e) => encoding.writeVarUint8Array(e, update)), clientId: doc.clientID };
}

/** Every kind of frame a client sends, built with y-protocols itself. */
function validFrames(doc = editedDoc()): Record<string, Uint8Array> {
  return {
    syncStep1: clientFrame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc)),
    syncStep2: clientFrame(MessageType.sync, (e) => syncProtocol.writeSyncStep2(e, doc)),
    update: clientFrame(MessageType.sync, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))),
    awareness: awarenessFrame().frame,
    auth: clientFrame(MessageType.auth, (e) => authProtocol.writePermissionDenied(e, 'non')),
    queryAwareness: clientFrame(MessageType.queryAwareness, () => {}),
  };
}

function closeCodeOf(action: () => unknown): CloseCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
}


describe('collaboration protocol decoding', () => {
  it('COLLAB3 decodes every client message type from real y-protocols bytes', () => {
    const doc = editedDoc();
    const frames = validFrames(doc);
    expect(decodeClientMessage(frames.syncStep1!)).toEqual({ type: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    const step2 = decodeClientMessage(frames.syncStep2!);
    expect(step2.type).toBe('syncStep2');
    const update = decodeClientMessage(frames.update!);
    expect(update.type).toBe('update');
    for (const message of [step2, update]) {
      if (message.type !== 'syncStep2' && message.type !== 'update') throw new Error('unreachable');
      const copy = new Y.Doc();
      Y.applyUpdate(copy, message.update);
      expect(copy.getText('t').toJSON()).toBe('Article premier');
    }
    const { frame, clientId } = awarenessFrame();
    const awareness = decodeClientMessage(frame);
    expect(awareness).toMatchObject({
      type: 'awareness',
      entries: [{ clientId, clock: 1, state: { user: { name: 'Rapporteure' }, cursor: null } }],
    });
    expect(decodeClientMessage(frames.auth!)).toEqual({ type: 'auth', reason: 'non' });
    expect(decodeClientMessage(frames.queryAwareness!)).toEqual({ type: 'queryAwareness' });
  });

  it('COLLAB3 decoded payloads are copies, not views into the frame', () => {
    const frame = validFrames().update!;
    const message = decodeClientMessage(frame);
    if (message.type !== 'update') throw new Error('unreachable');
    expect(message.update.buffer).not.toBe(frame.buffer);
  });

  it('COLLAB3 server encoders produce frames the decoder (and y-protocols) read back', () => {
    const doc = editedDoc();
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSyncStep1(sv))).toEqual({ type: 'syncStep1', stateVector: sv });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ type: 'syncStep2', update });
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ type: 'update', update });
    const { frame } = awarenessFrame();
    const awareness = decodeClientMessage(frame);
    if (awareness.type !== 'awareness') throw new Error('unreachable');
    expect(encodeAwareness(awareness.update)).toEqual(frame);
    expect(decodeClientMessage(encodePermissionDenied('droits retirés'))).toEqual({ type: 'auth', reason: 'droits retirés' });
    expect(encodeSyncStep1(sv)).toEqual(clientFrame(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc)));
  });

  it('COLLAB4 every strict prefix of a valid frame throws ProtocolError', () => {
    for (const [name, frame] of Object.entries(validFrames())) {
      for (let length = 0; length < frame.length; length++) {
        const code = closeCodeOf(() => decodeClientMessage(frame.slice(0, length)));
        expect([CloseCode.malformedMessage, CloseCode.invalidUpdate], `${name} cut at ${length}`).toContain(code);
      }
    }
  });

  it('COLLAB4 trailing bytes, unknown types and empty updates map to their close codes', () => {
    for (const [name, frame] of Object.entries(validFrames())) {
      const longer = new Uint8Array([...frame, 0]);
      expect(closeCodeOf(() => decodeClientMessage(longer)), name).toBe(CloseCode.malformedMessage);
    }
    const cases: [number[], CloseCode][] = [
      [[], CloseCode.malformedMessage],
      [[4], CloseCode.malformedMessage],
      [[0x80, 0x01], CloseCode.malformedMessage], // type 128
      [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], CloseCode.malformedMessage], // beyond 2^53
      [[0, 3, 0], CloseCode.malformedMessage], // unknown sync type
      [[0, 0, 0], CloseCode.malformedMessage], // empty state vector
      [[0, 0, 2, 5, 1], CloseCode.malformedMessage], // state vector with a client but no clock
      [[0, 1, 0], CloseCode.invalidUpdate], // empty sync step 2
      [[0, 2, 0], CloseCode.invalidUpdate], // empty update
      [[0, 2, 0x80], CloseCode.malformedMessage], // truncated length varint
      [[0, 2, 10, 1, 2], CloseCode.malformedMessage], // length beyond the frame
      [[1, 1, 0, 0], CloseCode.malformedMessage], // awareness with trailing bytes outside its array
      [[1, 4, 1, 7, 1, 1], CloseCode.malformedMessage], // awareness entry without state
      [[1, 5, 1, 7, 1, 1, 0x7b], CloseCode.malformedMessage], // awareness state "{" is not JSON
      [[1, 5, 1, 7, 1, 1, 0xff], CloseCode.malformedMessage], // awareness state not UTF-8
      [[2, 1, 0], CloseCode.malformedMessage], // unknown auth type
      [[3, 0], CloseCode.malformedMessage], // query awareness carries nothing
    ];
    for (const [bytes, code] of cases) {
      expect(closeCodeOf(() => decodeClientMessage(new Uint8Array(bytes))), JSON.stringify(bytes)).toBe(code);
    }
  });

  it('COLLAB4 garbage frames only ever throw ProtocolError', () => {
    const random = prng(20240601);
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 40);
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      // Steer half the frames into the sync branch, where most of the parsing is.
      if (i % 2 === 0 && length > 1) bytes[0] = 0;
      closeCodeOf(() => decodeClientMessage(bytes));
    }
  });
});

describe('collaboration updates', () => {
  it('COLLAB5 the empty sync step 2 of a fresh document carries no changes; an insert or a deletion does', () => {
    const fresh = new Y.Doc();
    const empty = Y.encodeStateAsUpdate(fresh);
    expect(Array.from(empty)).toEqual([0, 0]);
    expect(isWellFormedUpdate(empty)).toBe(true);
    expect(updateCarriesChanges(empty)).toBe(false);
    // What a synced client answers to the server's step 1 when it has nothing new.
    const doc = editedDoc();
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(updateCarriesChanges(Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)))).toBe(false);

    const insert = Y.encodeStateAsUpdate(doc);
    expect(isWellFormedUpdate(insert)).toBe(true);
    expect(updateCarriesChanges(insert)).toBe(true);
    let deletion: Uint8Array | null = null;
    peer.on('update', (update: Uint8Array) => (deletion = update));
    peer.getText('t').delete(0, 3);
    expect(deletion).not.toBeNull();
    expect(updateCarriesChanges(deletion!)).toBe(true);
  });

  it('COLLAB5 garbage updates are detected without applying them', () => {
    expect(isWellFormedUpdate(new Uint8Array())).toBe(false);
    expect(closeCodeOf(() => updateCarriesChanges(new Uint8Array()))).toBe(CloseCode.invalidUpdate);
    const valid = Y.encodeStateAsUpdate(editedDoc());
    for (let length = 0; length < valid.length; length++) {
      const prefix = valid.slice(0, length);
      if (isWellFormedUpdate(prefix)) expect(typeof updateCarriesChanges(prefix)).toBe('boolean');
      else expect(closeCodeOf(() => updateCarriesChanges(prefix))).toBe(CloseCode.invalidUpdate);
    }
    const random = prng(7);
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
      const wellFormed = isWellFormedUpdate(bytes);
      if (!wellFormed) rejected++;
      const result = closeCodeOf(() => updateCarriesChanges(bytes));
      expect(result).toBe(wellFormed ? 'no error' : CloseCode.invalidUpdate);
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
