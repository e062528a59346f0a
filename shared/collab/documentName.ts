/**
 * Names of collaborative documents, as they appear in `/collab/<documentName>`. A name is parsed once at the edge
 * into a typed value, so nothing downstream re-parses strings or confuses a bill id with an amendment id.
 */
import type { AmendmentId, BillId } from '../ids.ts';

/** A parsed document name: the official working text of a bill, or an amendment draft. */
export type DocumentName = { kind: 'bill'; billId: BillId } | { kind: 'amendment'; amendmentId: AmendmentId };

/** Opaque ids, restricted to a charset that needs no escaping in paths, logs or bus channel names. */
const idPattern = /^[A-Za-z0-9_-]{1,100}$/;

/** The path prefix every collaboration WebSocket is opened under. */
export const collabPathPrefix = '/collab/';

/** Parses `bill:<billId>` or `amendment:<amendmentId>`; null for anything else (unknown kind, bad id, extra colons). */
export function parseDocumentName(name: string): DocumentName | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if (!idPattern.test(id)) return null;
  if (kind === 'bill') return { kind: 'bill', billId: id as BillId };
  if (kind === 'amendment') return { kind: 'amendment', amendmentId: id as AmendmentId };
  return null;
}

/** The canonical string of a document name; `parseDocumentName(formatDocumentName(v))` gives `v` back. */
export function formatDocumentName(value: DocumentName): string {
  return value.kind === 'bill' ? `bill:${value.billId}` : `amendment:${value.amendmentId}`;
}

/**
 * Parses the path of a collaboration URL (`/collab/<name>`, query string already removed by the caller). The name
 * is percent-decoded exactly once, so `%253A` stays `%3A` and is rejected rather than smuggled through a second
 * decoding; extra segments and trailing slashes are rejected. Null means the path is malformed.
 */
export function parseCollabPath(urlPath: string): DocumentName | null {
  if (!urlPath.startsWith(collabPathPrefix)) return null;
  const encoded = urlPath.slice(collabPathPrefix.length);
  if (encoded.length === 0 || encoded.includes('/')) return null;
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return parseDocumentName(name);
}

/** The path a client connects to for a document (the id charset needs no escaping, the colon is kept readable). */
export function formatCollabPath(value: DocumentName): string {
  return collabPathPrefix + formatDocumentName(value);
}
