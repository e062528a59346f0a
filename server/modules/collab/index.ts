/** The collaboration module's public use cases. */
export { canWriteAmendment, documentAccess, type DocumentAccess } from './access.ts';
export { collabRoutes } from './collabRoutes.ts';
export { identityOf } from './issueTicket.ts';
export { TicketSigner } from './tickets.ts';
