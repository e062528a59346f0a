/**
 * How a commit's updates share one log row: a single update (the common case at typing pace) is stored as is;
 * several are stored as consecutive length-prefixed byte arrays (lib0 varUint8Array), in order. The row's
 * update count says which, so a single update costs no byte of framing.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export function packUpdates(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0] as Uint8Array;
  const encoder = encoding.createEncoder();
  for (const update of updates) encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The updates of a row packed by packUpdates, given the row's update count; throws if the bytes disagree. */
export function unpackUpdates(packed: Uint8Array, count: number): Uint8Array[] {
  if (count === 1) return [packed];
  const decoder = decoding.createDecoder(packed);
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i += 1) updates.push(decoding.readVarUint8Array(decoder));
  if (decoding.hasContent(decoder)) throw new Error(`packed commit holds more than its ${count} updates`);
  return updates;
}
