/**
 * Webhooks: a signed-in user registers a URL for a bill and receives each of its ledger entries as a signed POST, in
 * ledger order, retried until it is accepted or given up; the delivery log says how each attempt went. The body of a
 * delivery is a live-stream message (`LiveMessage`: `{billId, cursor, event}`), so one parser serves both.
 */
import { z } from 'zod';
import { LiveMessageSchema } from './live.ts';

/** HTTP headers of a delivery. */
export const WebhookHeader = {
  /** `sha256=` + hex HMAC-SHA256, keyed with the webhook's secret, of `<timestamp>.<body>`. */
  signature: 'x-loi-signature',
  /** Unix time in seconds when the attempt was signed: refuse old ones to stop replays. */
  timestamp: 'x-loi-timestamp',
  /** The delivery's id, the same on every attempt: ignore one already processed. */
  delivery: 'x-loi-delivery',
  /** The ledger entry's type. */
  event: 'x-loi-event',
} as const;

/** The text a delivery's signature covers. */
export const signedText = (timestamp: string, body: string) => `${timestamp}.${body}`;

/** True for the entry types delivered to a webhook that names none: every type but single votes (too many to be news). */
export const deliveredByDefault = (type: string) => !type.startsWith('vote.');

const id = z.string().min(1).max(100);

/** A ledger entry type, e.g. `amendment.outcome`. */
const EntryTypeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z_]*(\.[a-z_]+)+$/, 'must be a ledger entry type such as amendment.outcome');

/** An http(s) URL without credentials: where deliveries go. */
const WebhookUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2_000)
  // Runs even when the format check failed (zod goes on to list every problem): parse defensively.
  .refine((url) => {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    return parsed === null || (parsed.username === '' && parsed.password === '');
  }, 'must not carry a user name or password');

/** Body of `POST /bills/:id/webhooks`. */
export const CreateWebhookBodySchema = z
  .strictObject({
    url: WebhookUrlSchema,
    events: z
      .array(EntryTypeSchema)
      .min(1)
      .max(50)
      .transform((types) => [...new Set(types)])
      .optional()
      .meta({ description: 'The entry types to deliver (default: every type but `vote.*`)', example: ['version.published', 'amendment.outcome'] }),
  })
  .meta({ id: 'CreateWebhook' });
export type CreateWebhookBody = z.infer<typeof CreateWebhookBodySchema>;

/** A registered webhook (its secret is shown only when it is created). */
export const WebhookSchema = z
  .object({
    id: z.string(),
    billId: z.string(),
    url: z.string(),
    events: z.array(z.string()).nullable().meta({ description: 'The entry types delivered; null: every type but `vote.*`' }),
    cursor: z.number().int().meta({ description: 'The bill’s ledger position up to which entries have been queued for delivery' }),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof WebhookSchema>;

/** A webhook just created, with the secret that signs its deliveries: shown this once. */
export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().meta({ description: 'Verifies `X-Loi-Signature`; never shown again' }),
}).meta({ id: 'CreatedWebhook' });
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;

/** The signed-in user's webhooks, newest first. */
export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) }).meta({ id: 'WebhookList' });

/** Path of the endpoints about one webhook. */
export const WebhookParamsSchema = z.object({ id });

/** How a delivery stands. */
export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** One attempt to deliver. */
export const DeliveryAttemptSchema = z
  .object({
    attempt: z.number().int().min(1),
    at: z.string(),
    statusCode: z.number().int().nullable().meta({ description: 'The receiver’s HTTP status; null when it gave none' }),
    error: z.string().nullable().meta({ description: 'Why the attempt failed (network error, timeout, non-2xx); null when accepted' }),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookDeliveryAttempt' });

/** One ledger entry's delivery to a webhook and its log. */
export const DeliverySchema = z
  .object({
    id: z.string().meta({ description: 'Sent as `X-Loi-Delivery`' }),
    eventId: z.number().int(),
    seq: z.number().int(),
    eventType: z.string(),
    status: DeliveryStatusSchema,
    attempts: z.array(DeliveryAttemptSchema),
    nextAttemptAt: z.string().nullable().meta({ description: 'When the next attempt is due; null once delivered or given up' }),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type Delivery = z.infer<typeof DeliverySchema>;

/** Query of `GET /webhooks/:id/deliveries`: newest first, a page before a position. */
export const DeliveryQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional().meta({ description: 'List the deliveries of entries before this `seq`' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A page of a webhook's delivery log, newest first. */
export const DeliveryPageSchema = z
  .object({
    deliveries: z.array(DeliverySchema),
    next: z.number().int().nullable().meta({ description: 'Pass as `before` for the next page; null at the end' }),
  })
  .meta({ id: 'WebhookDeliveryPage' });
export type DeliveryPage = z.infer<typeof DeliveryPageSchema>;

/** The body of a delivery: the live stream's message for the entry. */
export const WebhookPayloadSchema = LiveMessageSchema;
