/**
 * HTTP endpoints of webhooks: register one for a bill (its secret shown once), list, read and delete one's own, read
 * a webhook's delivery log.
 */
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import {
  CreatedWebhookSchema,
  CreateWebhookBodySchema,
  DeliveryPageSchema,
  DeliveryQuerySchema,
  WebhookListSchema,
  WebhookParamsSchema,
  WebhookSchema,
} from '../../../shared/api/webhooks.ts';
import type { WebhookSettings } from '../../config/config.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { deleteWebhook, getWebhook, listDeliveries, listWebhooks, registerWebhook } from './webhooks.ts';

const tag = 'Webhooks';

/** The webhook endpoints, bound to a database and the webhook settings. */
export function webhookRoutes({ db, settings }: { db: Database; settings: WebhookSettings }) {
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:id/webhooks',
      tag,
      summary:
        'Register a URL to receive the bill’s ledger entries (those of `events`, else all but votes) as signed POSTs, in order, ' +
        'with retries; the answer holds the signing secret, shown this once',
      auth: true,
      params: BillParamsSchema,
      body: CreateWebhookBodySchema,
      bodyLimit: '16kb',
      status: 201,
      response: CreatedWebhookSchema,
      errors: [401, 404, 409, 422],
      handler: ({ actor, params, body }) => registerWebhook(db, settings, actor, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks',
      tag,
      summary: 'The signed-in user’s webhooks, newest first (secrets are never shown again)',
      auth: true,
      response: WebhookListSchema,
      errors: [401],
      handler: async ({ actor }) => ({ webhooks: await listWebhooks(db, actor) }),
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/:id',
      tag,
      summary: 'One of the signed-in user’s webhooks',
      auth: true,
      params: WebhookParamsSchema,
      response: WebhookSchema,
      errors: [401, 404],
      handler: ({ actor, params }) => getWebhook(db, actor, params.id),
    }),
    defineRoute({
      method: 'delete',
      path: '/webhooks/:id',
      tag,
      summary: 'Delete one of the signed-in user’s webhooks and its delivery log',
      auth: true,
      params: WebhookParamsSchema,
      status: 204,
      response: null,
      errors: [401, 404],
      handler: ({ actor, params }) => deleteWebhook(db, actor, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/webhooks/:id/deliveries',
      tag,
      summary: 'The webhook’s delivery log, newest entry first: status, every attempt (time, status code, error, duration), next retry',
      auth: true,
      params: WebhookParamsSchema,
      query: DeliveryQuerySchema,
      response: DeliveryPageSchema,
      errors: [401, 404],
      handler: ({ actor, params, query }) => listDeliveries(db, actor, params.id, query),
    }),
  ];
}
