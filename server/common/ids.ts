/**
 * Identifier generation. New records get random UUIDs; records imported from an external source get ids
 * derived from their natural key, so importing the same source again updates them in place.
 */
import { createHash, randomUUID } from 'node:crypto';

/** A fresh random id. */
export function newId(): string {
  return randomUUID();
}

/** A stable id for the record named by `parts` (e.g. bill id + step key), formatted as a UUID. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // UUID version 8 ("custom"), RFC 9562: the layout is a UUID, the bits are our hash.
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
