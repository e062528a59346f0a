/**
 * Part of the composition root: connects the collaboration endpoint (infrastructure) to the collaboration
 * module (tickets, access) and the bills module (first content of a bill's document).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from 'pino';
import type { Bus } from './bus/index.ts';
import { billSeedUpdate, type Collab, type CollabLimits, startCollab } from './collab/index.ts';
import type { Config } from './config/config.ts';
import { clientAddress } from './http/clientAddress.ts';
import { getLatestVersion } from './modules/bills/index.ts';
import { draftSeedUpdate } from '../shared/collab/amendmentDocument.ts';
import { draftContentOf } from './modules/amendments/index.ts';
import { canWriteAmendment, documentAccess, identityOf, type TicketSigner } from './modules/collab/index.ts';
import { canWriteBill } from './modules/users/index.ts';
import type { Database } from './storage/database.ts';

/** What the collaboration endpoint is wired with. */
export interface CollabWiring {
  server: Server;
  db: Database;
  bus: Bus;
  logger: Logger;
  config: Config;
  signer: TicketSigner;
  limits?: Partial<CollabLimits>;
}

/** Starts the collaboration endpoint on the server. */
export function wireCollab({ server, db, bus, logger, config, signer, limits }: CollabWiring): Collab {
  return startCollab({
    server,
    db,
    bus,
    logger,
    limits,
    allowedOrigins: config.publicOrigin ? [new URL(config.publicOrigin).origin] : [],
    verifyTicket(ticket) {
      const claims = signer.verify(ticket);
      if (claims === null) return null;
      return { doc: claims.doc, userId: claims.sub, access: claims.access, identity: { name: claims.name, role: claims.role, color: claims.color } };
    },
    async confirmClaims(claims, document) {
      // Tickets live two minutes; rights can change within them. Writers are few, so checking each is cheap.
      if (claims.access !== 'write' || claims.userId === null) return claims;
      const canWrite = document.kind === 'bill' ? await canWriteBill(db, claims.userId, document.billId) : await canWriteAmendment(db, claims.userId, document.amendmentId);
      return canWrite ? claims : { ...claims, access: 'read' };
    },
    async anonymousClaims(document) {
      // Throws for a document that does not exist; a public one is readable without an account.
      const access = await documentAccess(db, null, document);
      return access === 'read' ? { userId: null, access, identity: identityOf(null) } : null;
    },
    addressOf: (request: IncomingMessage) => clientAddress(request, config.trustProxy),
    async seed(name) {
      if (name.kind === 'amendment') {
        const draft = await draftContentOf(db, name.amendmentId);
        return draft ? draftSeedUpdate(draft) : null;
      }
      const version = await getLatestVersion(db, name.billId);
      return version ? billSeedUpdate(version) : null;
    },
  });
}
