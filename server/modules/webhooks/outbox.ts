/**
 * The webhooks' outbox, in the database: deliveries are derived from the ledger (each webhook's `cursor` says how far),
 * so whatever wrote an entry, and whichever node stopped when, every entry matching a webhook is queued exactly once
 * (`(webhook_id, seq)` is unique and the cursor moves in the same transaction). A node delivers a webhook while it holds
 * its lease, taken with `FOR UPDATE SKIP LOCKED` so that nodes never wait on each other; its deliveries go one at a time,
 * in ledger order.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { LedgerEvent } from '../../../shared/api/ledger.ts';
import type { LiveMessage } from '../../../shared/api/live.ts';
import { deliveredByDefault } from '../../../shared/api/webhooks.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { webhookAttempts, webhookDeliveries, webhooks } from '../../storage/schema.ts';
import type { LedgerSource } from '../ledger/index.ts';
import type { AttemptResult } from './sendDelivery.ts';

/** True when the webhook's filter takes entries of this type. */
export const wants = (events: readonly string[] | null, type: string) => (events === null ? deliveredByDefault(type) : events.includes(type));

/** The body of the delivery of an entry: the live stream's message for it, with the payload as its data. */
export function deliveryBody(entry: LedgerEvent): string {
  const message: LiveMessage = {
    billId: entry.billId,
    cursor: entry.seq,
    event: {
      seq: entry.seq,
      id: entry.id,
      type: entry.type,
      at: entry.createdAt,
      actorId: entry.actorId,
      data: entry.payload,
      ...(entry.redacted ? { redacted: entry.redacted } : {}),
    },
  };
  return JSON.stringify(message);
}

/** What a queuing pass found: whether there is any webhook at all, and whether some has more entries to queue. */
export interface QueueResult {
  any: boolean;
  more: boolean;
}

/**
 * Queues the deliveries of the entries each webhook has not considered yet (up to `pageSize` per webhook). Entries
 * are read as the public reads them (hidden text withheld).
 */
export async function queueDeliveries(db: Database, ledger: LedgerSource, pageSize: number): Promise<QueueResult> {
  const hooks = await db.select({ id: webhooks.id, billId: webhooks.billId, cursor: webhooks.cursor, events: webhooks.events }).from(webhooks);
  if (hooks.length === 0) return { any: false, more: false };
  const heads = await ledger.heads([...new Set(hooks.map((hook) => hook.billId))]);
  let more = false;
  for (const hook of hooks) {
    if ((heads.get(hook.billId) ?? 0) <= hook.cursor) continue;
    // Read before the transaction: PGlite has one connection, which an open transaction holds.
    const entries = await ledger.entriesAfter(hook.billId, hook.cursor, pageSize);
    const last = entries.at(-1);
    if (last === undefined) continue;
    if (entries.length === pageSize) more = true;
    const rows = entries
      .filter((entry) => wants(hook.events, entry.type))
      .map((entry) => ({
        id: newId(),
        webhookId: hook.id,
        eventId: entry.id,
        seq: entry.seq,
        eventType: entry.type,
        body: deliveryBody(entry),
        status: 'pending',
        nextAttemptAt: new Date(),
      }));
    await db.transaction(async (tx) => {
      // Another node queuing the same webhook holds its row: leave it to that node. A moved cursor means it already did.
      const [locked] = await tx
        .select({ cursor: webhooks.cursor })
        .from(webhooks)
        .where(eq(webhooks.id, hook.id))
        .for('update', { skipLocked: true });
      if (locked?.cursor !== hook.cursor) return;
      if (rows.length > 0) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
      await tx.update(webhooks).set({ cursor: last.seq }).where(eq(webhooks.id, hook.id));
    });
  }
  return { any: true, more };
}

/**
 * Leases up to `limit` webhooks whose next delivery (the pending one earliest in the ledger) is due and which no node
 * holds; resolves with their ids.
 */
export async function claimWebhooks(db: Database, owner: string, leaseMs: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const now = new Date();
  const nextDue = sql`(select ${webhookDeliveries.nextAttemptAt} from ${webhookDeliveries}
    where ${webhookDeliveries.webhookId} = ${webhooks.id} and ${webhookDeliveries.status} = 'pending'
    order by ${webhookDeliveries.seq} limit 1) <= ${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(and(or(isNull(webhooks.leaseUntil), lt(webhooks.leaseUntil, now)), nextDue))
      .orderBy(asc(webhooks.createdAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const ids = due.map((row) => row.id);
    if (ids.length > 0) await tx.update(webhooks).set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) }).where(inArray(webhooks.id, ids));
    return ids;
  });
}

/** Extends the lease; false when this node no longer holds it (or the webhook was deleted). */
export async function renewLease(db: Database, webhookId: string, owner: string, leaseMs: number): Promise<boolean> {
  const renewed = await db
    .update(webhooks)
    .set({ leaseUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.leaseOwner, owner)))
    .returning({ id: webhooks.id });
  return renewed.length > 0;
}

/** Gives the lease back, so any node may take the webhook at once. */
export async function releaseLease(db: Database, webhookId: string, owner: string): Promise<void> {
  await db
    .update(webhooks)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.leaseOwner, owner)));
}

/** The webhook's next delivery in ledger order, with where and how to send it; null when none is pending. */
export async function nextDelivery(db: Database, webhookId: string) {
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      eventType: webhookDeliveries.eventType,
      body: webhookDeliveries.body,
      url: webhooks.url,
      secret: webhooks.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'pending')))
    .orderBy(asc(webhookDeliveries.seq))
    .limit(1);
  return row ?? null;
}

/** A pending delivery as `nextDelivery` reads it. */
export type PendingDelivery = NonNullable<Awaited<ReturnType<typeof nextDelivery>>>;

/**
 * Logs an attempt and moves the delivery on: delivered, given up after `maxAttempts`, or due again after `retryInMs`.
 * Nothing happens if the delivery is gone (its webhook deleted meanwhile).
 */
export async function recordAttempt(
  db: Database,
  delivery: Pick<PendingDelivery, 'id' | 'attempts'>,
  result: AttemptResult,
  at: Date,
  maxAttempts: number,
  retryInMs: (attempt: number) => number,
): Promise<void> {
  const attempt = delivery.attempts + 1;
  const done = result.ok || attempt >= maxAttempts;
  const now = new Date();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        status: result.ok ? 'delivered' : done ? 'failed' : 'pending',
        nextAttemptAt: done ? null : new Date(now.getTime() + retryInMs(attempt)),
        completedAt: done ? now : null,
      })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts)))
      .returning({ id: webhookDeliveries.id });
    if (updated.length === 0) return;
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      attempt,
      at,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
    });
  });
}

/** Deliveries deleted per statement by the retention sweep: a short transaction each, however long the backlog. */
const PRUNE_BATCH = 1_000;

/**
 * Deletes the deliveries finished (delivered or given up) before `before`, with their attempts; pending ones stay
 * whatever their age. Returns how many went.
 */
export async function pruneDeliveries(db: Database, before: Date): Promise<number> {
  let pruned = 0;
  for (;;) {
    const oldest = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(isNotNull(webhookDeliveries.completedAt), lt(webhookDeliveries.completedAt, before)))
      .orderBy(asc(webhookDeliveries.completedAt))
      .limit(PRUNE_BATCH);
    // Attempts go with their delivery (ON DELETE CASCADE).
    const deleted = await db.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, oldest)).returning({ id: webhookDeliveries.id });
    pruned += deleted.length;
    if (deleted.length < PRUNE_BATCH) return pruned;
  }
}
