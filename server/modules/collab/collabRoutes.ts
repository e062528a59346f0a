/**
 * HTTP endpoint of the collaboration module: tickets to open a document's WebSocket.
 */
import { BillParamsSchema, VersionSchema } from '../../../shared/api/bills.ts';
import { PublishVersionBodySchema, TicketRequestSchema, TicketSchema } from '../../../shared/api/collab.ts';
import type { DocumentStore } from '../../collab/store/documentStore.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import type { EntriesPublished } from '../ledger/index.ts';
import { issueTicket } from './issueTicket.ts';
import { publishVersion } from './publishVersion.ts';
import type { TicketSigner } from './tickets.ts';

/** The ticket endpoint, bound to a database and the nodes' shared signer. */
export function collabRoutes({ db, signer, store, published }: { db: Database; signer: TicketSigner; store: DocumentStore; published: EntriesPublished }) {
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:id/versions',
      tag: 'Collaboration',
      summary: 'Publish the live working text as the version of a new legislative step (rapporteurs)',
      auth: true,
      params: BillParamsSchema,
      body: PublishVersionBodySchema,
      status: 201,
      response: VersionSchema,
      errors: [401, 403, 404],
      handler: ({ actor, params, body }) => publishVersion(db, store, actor, params.id, body, published),
    }),
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
