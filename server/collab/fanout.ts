/**
 * What nodes tell each other about a document through the bus: committed updates (with the id of the last
 * stored update they include, so a node knows how far it is) and awareness changes of writers.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Transaction origin of changes that came from the store or another node: applied and shown, never stored again. */
export const REMOTE = 'remote';

/** The bus channel of a document's messages. */
export const documentChannel = (docName: string) => `collab:doc:${docName}`;

/** The bus channel telling every node that a user's rights changed. */
export const RIGHTS_CHANNEL = 'collab:rights';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

/** A message between nodes about one document. */
export type FanoutMessage =
  | { kind: 'update'; nodeId: string; lastUpdateId: number; update: Uint8Array }
  | { kind: 'awareness'; nodeId: string; update: Uint8Array };

/** Encodes a fan-out message compactly (no JSON: updates are binary and this runs per edit). */
export function encodeFanout(message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, message.kind === 'update' ? KIND_UPDATE : KIND_AWARENESS);
  encoding.writeVarString(encoder, message.nodeId);
  if (message.kind === 'update') encoding.writeVarUint(encoder, message.lastUpdateId);
  encoding.writeVarUint8Array(encoder, message.update);
  return encoding.toUint8Array(encoder);
}

/** Decodes a fan-out message; null when it is not one (a node of another version, a stray publish). */
export function decodeFanout(bytes: Uint8Array): FanoutMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const nodeId = decoding.readVarString(decoder);
    if (kind === KIND_UPDATE) {
      const lastUpdateId = decoding.readVarUint(decoder);
      return { kind: 'update', nodeId, lastUpdateId, update: decoding.readVarUint8Array(decoder) };
    }
    if (kind === KIND_AWARENESS) return { kind: 'awareness', nodeId, update: decoding.readVarUint8Array(decoder) };
    return null;
  } catch {
    return null;
  }
}
