/**
 * The event ledger's use cases: append an entry inside the caller's transaction, page through a bill's
 * entries, verify its chain.
 *
 * An entry may seal private fields (a vote's voter and values, LEDGER8): they are stored with a random salt in the
 * row's `sealed` column, apart from the chained fields, and the public payload carries only their `seal` (a SHA-256 of
 * them and the salt). The chain thus covers them while every chained field can be published, and a third party can
 * verify the whole chain; the salt keeps the seal from being reversed by trying every voter and value.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { LedgerEvent, LedgerVerification } from '../../../shared/api/ledger.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { events } from '../../storage/schema.ts';
import { canonicalJson, GENESIS_HASH, hashEntry, sealOf } from './hashChain.ts';

// First key of the ledger's advisory locks (the second is the bill's hash), apart from other lock users.
const LEDGER_LOCK_SPACE = 1_001;

/** What a change records about itself. */
export interface NewEvent {
  billId: string;
  type: string;
  /** Null on a sealed entry: whoever acted is then one of its sealed fields. */
  actorId: string | null;
  payload: Record<string, unknown>;
  /** Fields that must stay private: stored apart with a salt, committed to by `payload.seal`, never read by the public. */
  sealed?: Record<string, unknown>;
}

/** Bytes of random salt in each sealed part: enough that no one can try them all. */
const SALT_BYTES = 16;

/**
 * The stored form of an entry's payload and sealed part: the sealed fields salted, and their seal added to the payload.
 * Both are what JSON keeps (the canonical form drops undefined fields, as jsonb would), so what is stored is what is hashed.
 */
function sealEntry(event: Omit<NewEvent, 'billId'>): { payload: Record<string, unknown>; sealed: Record<string, unknown> | null } {
  const stored = (value: Record<string, unknown>) => JSON.parse(canonicalJson(value)) as Record<string, unknown>;
  if (event.sealed === undefined) return { payload: stored(event.payload), sealed: null };
  // Programming errors, not input: a sealed entry names its actor only in its sealed part, and `seal`/`salt` are ours.
  if (event.actorId !== null) throw new Error(`ledger: a sealed ${event.type} entry is written with actorId null`);
  if ('seal' in event.payload || 'salt' in event.sealed) throw new Error(`ledger: seal and salt are reserved fields (${event.type})`);
  const sealed = stored({ ...event.sealed, salt: randomBytes(SALT_BYTES).toString('hex') });
  return { payload: stored({ ...event.payload, seal: sealOf(sealed) }), sealed };
}

/**
 * Takes the bill's chain lock until the transaction ends: concurrent writers of one chain queue here. Taking it
 * again in the same transaction is free.
 */
export async function lockChain(tx: Database, billId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_SPACE}, hashtext(${billId}))`);
}

/**
 * Appends an entry to the bill's chain. Call it with the transaction that makes the change, so the
 * change and its entry commit or fail together.
 */
export async function appendEvent(tx: Database, event: NewEvent): Promise<LedgerEvent> {
  const [entry] = await appendEvents(tx, event.billId, [event]);
  if (entry === undefined) throw new Error('ledger insert returned no row');
  return entry;
}

/**
 * Appends several entries to one bill's chain, in order, with one read of the chain's head and one insert: a group
 * commit (votes) records hundreds of entries for the price of one.
 */
export async function appendEvents(tx: Database, billId: string, batch: readonly Omit<NewEvent, 'billId'>[]): Promise<LedgerEvent[]> {
  if (batch.length === 0) return [];
  await lockChain(tx, billId);
  const [last] = await tx
    .select({ seq: events.seq, hash: events.hash })
    .from(events)
    .where(eq(events.billId, billId))
    .orderBy(desc(events.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const createdAt = new Date();
  const rows = batch.map((event) => {
    const { payload, sealed } = sealEntry(event);
    seq += 1;
    const fields = { billId, seq, type: event.type, actorId: event.actorId, payload, createdAt, prevHash };
    const hash = hashEntry(fields);
    prevHash = hash;
    return { ...fields, hash, sealed };
  });
  const inserted = await tx.insert(events).values(rows).returning();
  // RETURNING follows the VALUES order in practice but SQL does not promise it: order by seq to be sure.
  return inserted.sort((a, b) => a.seq - b.seq).map(present);
}

/** A page of the bill's entries after the given id, oldest first. */
export async function listEvents(
  db: Database,
  billId: string,
  after: number,
  limit: number,
): Promise<{ events: LedgerEvent[]; next: number | null }> {
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.billId, billId), gt(events.id, after)))
    .orderBy(asc(events.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(present);
  return { events: page, next: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * Throws bill_not_found when the bill has no ledger: every bill's creation or import is its first entry,
 * so an empty chain means no such bill.
 */
export async function assertChainExists(db: Database, billId: string): Promise<void> {
  const [first] = await db.select({ id: events.id }).from(events).where(eq(events.billId, billId)).limit(1);
  if (first === undefined) throw notFound(ErrorCode.billNotFound, `No bill with id ${billId}`);
}

/**
 * The bill's latest entry number, a revision counter for caches: every change to a bill appends an entry,
 * so anything computed from a bill at head N is still valid while the head is N. Throws bill_not_found.
 */
export async function chainHead(db: Database, billId: string): Promise<number> {
  const [head] = await db.select({ seq: events.seq }).from(events).where(eq(events.billId, billId)).orderBy(desc(events.seq)).limit(1);
  if (head === undefined) throw notFound(ErrorCode.billNotFound, `No bill with id ${billId}`);
  return head.seq;
}

/**
 * Entries other than votes. Votes change tallies only, and are most of a consulted bill's entries: the partial
 * indexes of the events table (schema/ledger.ts) leave them out, and a query uses those only if it states this.
 */
export const notAVote = sql`${events.type} not like 'vote.%'`;

/**
 * The bill's latest entry that is not a vote: a revision counter for what is computed from the bill's texts, steps
 * and amendments (statistics, article grid, blame, timeline), which votes leave unchanged; so a consultation's
 * stream of votes does not throw those figures away. Throws bill_not_found.
 */
export async function contentHead(db: Database, billId: string): Promise<number> {
  const [head] = await db
    .select({ seq: events.seq })
    .from(events)
    .where(and(eq(events.billId, billId), notAVote))
    .orderBy(desc(events.seq))
    .limit(1);
  // A bill's first entry (its creation or import) is never a vote: no entry means no bill.
  if (head === undefined) throw notFound(ErrorCode.billNotFound, `No bill with id ${billId}`);
  return head.seq;
}

const VERIFY_BATCH = 1_000;

/**
 * Recomputes the bill's chain from the first entry and reports the first entry that does not hold; an entry's sealed
 * part, when stored, must match its `payload.seal`.
 */
export async function verifyChain(db: Database, billId: string): Promise<LedgerVerification> {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  // Read in batches so a bill with millions of entries is checked in bounded memory.
  for (;;) {
    const batch = await db
      .select()
      .from(events)
      .where(and(eq(events.billId, billId), gt(events.seq, expectedSeq - 1)))
      .orderBy(asc(events.seq))
      .limit(VERIFY_BATCH);
    for (const row of batch) {
      count += 1;
      const brokenAt = { id: row.id, seq: row.seq };
      if (row.seq !== expectedSeq) {
        return { ok: false, count, brokenAt, reason: 'sequence_gap', detail: `expected entry ${expectedSeq}, found ${row.seq}` };
      }
      if (row.prevHash !== expectedPrev) {
        return { ok: false, count, brokenAt, reason: 'prev_hash_mismatch', detail: `entry ${row.seq} does not follow entry ${row.seq - 1}` };
      }
      if (hashEntry(row) !== row.hash) {
        return { ok: false, count, brokenAt, reason: 'hash_mismatch', detail: `entry ${row.seq} was changed after it was written` };
      }
      // A sealed part that was erased (null: a person's right to erasure) is not checked, on purpose: the chain covers
      // only its seal, so erasing it never breaks the chain. One that is there must be the one sealed.
      if (row.sealed !== null && row.payload.seal !== sealOf(row.sealed)) {
        return { ok: false, count, brokenAt, reason: 'seal_mismatch', detail: `the sealed part of entry ${row.seq} is not the one its seal commits to` };
      }
      expectedPrev = row.hash;
      expectedSeq += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }
  return { ok: true, count, head: count === 0 ? null : expectedPrev };
}

/**
 * A stored row as an entry (its timestamp in ISO 8601). Fields are picked by name: the sealed part stays out of every
 * entry, so no read can hand it on by mistake (code that needs it reads the column itself).
 */
export function present(row: typeof events.$inferSelect): LedgerEvent {
  const { id, billId, seq, type, actorId, payload, createdAt, prevHash, hash } = row;
  return { id, billId, seq, type, actorId, payload, createdAt: createdAt.toISOString(), prevHash, hash };
}
