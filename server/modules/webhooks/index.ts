/** The webhooks module's public use cases: registration, the delivery log, and the dispatcher that delivers. */
export { type DispatcherDeps, type DispatcherOptions, WebhookDispatcher } from './dispatcher.ts';
export { signature } from './sendDelivery.ts';
export { deleteWebhook, getWebhook, listDeliveries, listWebhooks, registerWebhook } from './webhooks.ts';
export { webhookRoutes } from './webhookRoutes.ts';
