/**
 * Webhooks' use cases: any signed-in user (a newsroom's account, typically through a bearer token) registers URLs for
 * bills, up to a per-user cap, and sees, deletes and reads the delivery log of their own only; someone else's
 * webhook is webhook_not_found, as if it did not exist. A new webhook receives the entries written after it.
 */
import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { CreatedWebhook, CreateWebhookBody, Delivery, DeliveryPage, DeliveryStatus, Webhook } from '../../../shared/api/webhooks.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import type { WebhookSettings } from '../../config/config.ts';
import type { Database } from '../../storage/database.ts';
import { webhookAttempts, webhookDeliveries, webhooks } from '../../storage/schema.ts';
import { chainHead } from '../ledger/index.ts';
import { assertDeliverable } from './addressGuard.ts';

// First key of the advisory lock that serialises one user's registrations (the cap), apart from other lock users.
const WEBHOOK_LOCK_SPACE = 1_017;

type WebhookRow = typeof webhooks.$inferSelect;

/** Registers a webhook for the bill; its secret is in this answer only. */
export async function registerWebhook(db: Database, settings: WebhookSettings, actor: Actor, billId: string, body: CreateWebhookBody): Promise<CreatedWebhook> {
  const user = requireUser(actor);
  const head = await chainHead(db, billId);
  await assertDeliverable(body.url, settings.allowPrivateAddresses);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${WEBHOOK_LOCK_SPACE}, hashtext(${user.id}))`);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(webhooks).where(eq(webhooks.userId, user.id));
    if (count >= settings.maxPerUser) {
      throw new DomainError(ErrorCode.tooManyWebhooks, `You already have ${count} webhooks, the most one may hold; delete one first.`);
    }
    const [inserted] = await tx
      .insert(webhooks)
      .values({ id: newId(), userId: user.id, billId, url: body.url, events: body.events ?? null, secret, cursor: head })
      .returning();
    return inserted as WebhookRow;
  });
  return { ...present(row), secret };
}

/** The user's webhooks, newest first. */
export async function listWebhooks(db: Database, actor: Actor): Promise<Webhook[]> {
  const user = requireUser(actor);
  const rows = await db.select().from(webhooks).where(eq(webhooks.userId, user.id)).orderBy(desc(webhooks.createdAt), desc(webhooks.id));
  return rows.map(present);
}

/** One of the user's webhooks. */
export async function getWebhook(db: Database, actor: Actor, webhookId: string): Promise<Webhook> {
  return present(await ownWebhook(db, actor, webhookId));
}

/** Deletes one of the user's webhooks with its delivery log; nothing more is sent to it. */
export async function deleteWebhook(db: Database, actor: Actor, webhookId: string): Promise<void> {
  const row = await ownWebhook(db, actor, webhookId);
  await db.delete(webhooks).where(eq(webhooks.id, row.id));
}

/** A page of the webhook's delivery log, newest entry first, each delivery with its attempts. */
export async function listDeliveries(db: Database, actor: Actor, webhookId: string, query: { before?: number | undefined; limit: number }): Promise<DeliveryPage> {
  const row = await ownWebhook(db, actor, webhookId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, row.id), query.before === undefined ? undefined : lt(webhookDeliveries.seq, query.before)))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const attempts = page.length === 0 ? [] : await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, page.map((d) => d.id)));
  const byDelivery = new Map<string, (typeof attempts)[number][]>();
  for (const attempt of attempts) byDelivery.set(attempt.deliveryId, [...(byDelivery.get(attempt.deliveryId) ?? []), attempt]);
  const deliveries: Delivery[] = page.map((delivery) => ({
    id: delivery.id,
    eventId: delivery.eventId,
    seq: delivery.seq,
    eventType: delivery.eventType,
    status: delivery.status as DeliveryStatus,
    attempts: (byDelivery.get(delivery.id) ?? [])
      .sort((a, b) => a.attempt - b.attempt)
      .map(({ attempt, at, statusCode, error, durationMs }) => ({ attempt, at: at.toISOString(), statusCode, error, durationMs })),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    completedAt: delivery.completedAt?.toISOString() ?? null,
  }));
  return { deliveries, next: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null };
}

async function ownWebhook(db: Database, actor: Actor, webhookId: string): Promise<WebhookRow> {
  const user = requireUser(actor);
  const [row] = await db.select().from(webhooks).where(and(eq(webhooks.id, webhookId), eq(webhooks.userId, user.id)));
  if (row === undefined) throw notFound(ErrorCode.webhookNotFound, `You have no webhook ${webhookId}`);
  return row;
}

function present(row: WebhookRow): Webhook {
  return { id: row.id, billId: row.billId, url: row.url, events: row.events, cursor: row.cursor, createdAt: row.createdAt.toISOString() };
}
