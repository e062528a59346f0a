/** The collaboration module's public use cases. */
export { documentAccess, type DocumentAccess } from './access.ts';
export { collabRoutes } from './collabRoutes.ts';
export { identityOf, issueTicket, TICKET_LIFETIME_MS } from './issueTicket.ts';
export { type TicketClaims, TicketSigner } from './tickets.ts';
export { publishVersion } from './publishVersion.ts';
