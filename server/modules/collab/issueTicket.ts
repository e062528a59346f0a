/**
 * Issues a ticket for a document: the access is decided here, over HTTP, where the session is known; the
 * WebSocket only checks the signature.
 */
import { createHash } from 'node:crypto';
import type { CollabIdentity, CollabTicket } from '../../../shared/api/collab.ts';
import { formatCollabPath, formatDocumentName, parseDocumentName } from '../../../shared/collab/documentName.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { documentAccess } from './access.ts';
import type { TicketSigner } from './tickets.ts';

/** How long a ticket can be used to open a socket; clients fetch a new one to reconnect later. */
export const TICKET_LIFETIME_MS = 2 * 60 * 1000;

/** A stable colour per user, so cursors keep their colour across sessions and nodes. */
export function colorOf(userId: string): string {
  const hue = createHash('sha256').update(userId).digest().readUInt16BE(0) % 360;
  return `hsl(${hue} 70% 40%)`;
}

/** The identity shown in presence: set by the server, never taken from the client. */
export function identityOf(actor: Actor): CollabIdentity {
  return actor === null
    ? { name: 'Lecteur', role: 'reader', color: 'hsl(0 0% 50%)' }
    : { name: actor.displayName, role: actor.role, color: colorOf(actor.id) };
}

/** A ticket for `documentName`; throws document_not_found for unknown or malformed names. */
export async function issueTicket(db: Database, signer: TicketSigner, actor: Actor, documentName: string): Promise<CollabTicket> {
  const document = parseDocumentName(documentName);
  if (document === null) throw notFound(ErrorCode.documentNotFound, `${documentName} is not a document name (bill:<id> or amendment:<id>)`);
  const access = await documentAccess(db, actor, document);
  const identity = identityOf(actor);
  const exp = Date.now() + TICKET_LIFETIME_MS;
  const name = formatDocumentName(document);
  return {
    ticket: signer.sign({ doc: name, sub: actor?.id ?? null, ...identity, access, exp }),
    document: name,
    path: formatCollabPath(document),
    access,
    expiresAt: new Date(exp).toISOString(),
    identity,
  };
}
