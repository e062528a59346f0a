/**
 * Tickets for the collaboration endpoint (`/collab/<documentName>`).
 */
import { z } from 'zod';
import { INSTITUTIONS, STAGES, STEP_KINDS } from '../legislative.ts';

/** Body of `POST /collab/tickets`. */
export const TicketRequestSchema = z
  .object({ document: z.string().min(1).max(200).meta({ example: 'bill:0f8c…' }) })
  .meta({ id: 'TicketRequest' });

/** Who someone is in a document's presence list, as the server states it. */
export const CollabIdentitySchema = z
  .object({ name: z.string(), role: z.string(), color: z.string().meta({ example: '#1f77b4' }) })
  .meta({ id: 'CollabIdentity' });

/** A ticket to open one document's WebSocket, valid for a short time. */
export const TicketSchema = z
  .object({
    ticket: z.string().meta({ description: 'Pass as the `ticket` query parameter of the WebSocket URL' }),
    document: z.string(),
    path: z.string().meta({ example: '/collab/bill:0f8c…' }),
    access: z.enum(['read', 'write']),
    expiresAt: z.string(),
    identity: CollabIdentitySchema,
  })
  .meta({ id: 'CollabTicket' });

export type CollabTicket = z.infer<typeof TicketSchema>;
export type CollabIdentity = z.infer<typeof CollabIdentitySchema>;

/** Body of `POST /bills/:id/versions`: publish the live working text as the version of a new step. */
export const PublishVersionBodySchema = z
  .object({
    stage: z.enum(STAGES),
    institution: z.enum(INSTITUTIONS),
    kind: z.enum(STEP_KINDS).nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    title: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'PublishVersion' });

export type PublishVersionBody = z.infer<typeof PublishVersionBodySchema>;
