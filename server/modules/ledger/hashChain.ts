/**
 * The ledger's hash chain: each entry's hash covers its content and the previous entry's hash, so
 * changing or removing any stored entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';

/** The `prevHash` of a bill's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers. */
export interface ChainedFields {
  billId: string;
  seq: number;
  type: string;
  actorId: string | null;
  payload: unknown;
  createdAt: Date;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth, so the same value always gives the same bytes
 * (PostgreSQL's jsonb does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/**
 * The `payload.seal` of an entry's sealed part (its private fields and their salt, as stored): the SHA-256 (hex) of
 * its canonical JSON. The chain covers the seal, hence the sealed fields, without carrying them; the random salt keeps
 * anyone from finding them by trying every possible value against the seal.
 */
export function sealOf(sealed: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(sealed)).digest('hex');
}

/** SHA-256 (hex) of an entry's canonical form. */
export function hashEntry(entry: ChainedFields): string {
  // Pick the chained fields by name: a stored row also carries its id and its own hash.
  const { billId, seq, type, actorId, payload, createdAt, prevHash } = entry;
  const canonical = canonicalJson({ billId, seq, type, actorId, payload, createdAt: createdAt.toISOString(), prevHash });
  return createHash('sha256').update(canonical).digest('hex');
}
