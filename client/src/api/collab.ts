/** Tickets for the collaboration endpoint. */
import { TicketSchema } from '../../../shared/api/collab.ts';
import { call } from './http.ts';

/** `POST /collab/tickets`: a two-minute ticket for one document (write access for the bill's rapporteurs). */
export const requestTicket = (document: string) => call(TicketSchema, 'POST', '/collab/tickets', { document });
