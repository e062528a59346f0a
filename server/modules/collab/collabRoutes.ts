/**
 * HTTP endpoint of the collaboration module: tickets to open a document's WebSocket.
 */
import { TicketRequestSchema, TicketSchema } from '../../../shared/api/collab.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { issueTicket } from './issueTicket.ts';
import type { TicketSigner } from './tickets.ts';

/** The ticket endpoint, bound to a database and the nodes' shared signer. */
export function collabRoutes({ db, signer }: { db: Database; signer: TicketSigner }) {
  return [
    defineRoute({
      method: 'post',
      path: '/collab/tickets',
      tag: 'Collaboration',
      summary: 'A short-lived ticket to open a shared document’s WebSocket (anonymous readers get read access)',
      body: TicketRequestSchema,
      response: TicketSchema,
      errors: [404],
      handler: ({ actor, body }) => issueTicket(db, signer, actor, body.document),
    }),
  ];
}
