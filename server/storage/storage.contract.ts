/**
 * The storage contract: what the rest of the server relies on from the database, checked on every
 * engine (PGlite and PostgreSQL) with the very same queries.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Storage } from './database.ts';
import { bills, billSteps, events, users } from './schema.ts';

/** Runs the contract against stores opened by `open`. */
export function runStorageContract(name: string, open: () => Promise<Storage>, skipReason: string | null): void {
  describe.skipIf(skipReason !== null)(`storage contract: ${name}${skipReason ? ` (${skipReason})` : ''}`, () => {
    let storage: Storage;
    beforeAll(async () => {
      storage = await open();
    });
    afterAll(async () => {
      await storage?.close();
    });

    it('STORE1 migrations create every table, and opening again is a no-op', async () => {
      const tables = await queryRows<{ table_name: string }>(
        storage.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual([
        'amendment_authors',
        'amendments',
        'annotations',
        'arguments',
        'articles',
        'auth_tokens',
        'bill_rapporteurs',
        'bill_steps',
        'bills',
        'collab_authors',
        'collab_commits',
        'collab_documents',
        'events',
        'moderation_actions',
        'political_groups',
        'questions',
        'reactions',
        'reports',
        'responses',
        'sources',
        'step_debates',
        'users',
        'version_articles',
        'version_attributions',
        'version_sections',
        'versions',
        'vote_tallies',
        'votes',
        'webhook_attempts',
        'webhook_deliveries',
        'webhooks',
      ]);
    });

    it('STORE2 dates, timestamps, booleans and JSONB round-trip unchanged', async () => {
      const metadata = { themes: ['Société', 'Numérique'], nested: { n: 1.5, quote: 'l\'article "premier"', empty: null } };
      await storage.db.insert(bills).values({ id: 'b-round', title: 'Titre', shortTitle: 'Court', beginning: '2015-07-31', urgence: true, metadata });
      const [row] = await storage.db.select().from(bills).where(eq(bills.id, 'b-round'));
      expect(row).toMatchObject({ beginning: '2015-07-31', end: null, urgence: true, metadata });
      expect(row?.createdAt).toBeInstanceOf(Date);
      const at = new Date('2026-02-03T04:05:06.789Z');
      await storage.db.insert(events).values({ billId: 'b-round', seq: 1, type: 't', actorId: null, payload: {}, createdAt: at, prevHash: 'p', hash: 'h' });
      const [event] = await storage.db.select().from(events).where(eq(events.billId, 'b-round'));
      expect(event?.createdAt.toISOString()).toBe(at.toISOString());
      expect(typeof event?.id).toBe('number');
    });

    it('STORE3 a failed transaction leaves nothing behind', async () => {
      await expect(
        storage.db.transaction(async (tx) => {
          await tx.insert(bills).values({ id: 'b-rollback', title: 'T', shortTitle: 'C' });
          await tx.insert(bills).values({ id: 'b-rollback', title: 'duplicate', shortTitle: 'C' });
        }),
      ).rejects.toThrow();
      expect(await storage.db.select().from(bills).where(eq(bills.id, 'b-rollback'))).toEqual([]);
    });

    it('STORE4 unique constraints hold (one step per position, one account per e-mail)', async () => {
      await storage.db.insert(bills).values({ id: 'b-unique', title: 'T', shortTitle: 'C' });
      const step = { billId: 'b-unique', position: 0, stage: '1ère lecture', institution: 'senat' };
      await storage.db.insert(billSteps).values({ ...step, id: 's1', key: 'k1' });
      await expect(storage.db.insert(billSteps).values({ ...step, id: 's2', key: 'k2' })).rejects.toThrow();
      const user = { displayName: 'A', passwordHash: 'x', role: 'citizen' };
      await storage.db.insert(users).values({ ...user, id: 'u1', email: 'a@example.org' });
      await expect(storage.db.insert(users).values({ ...user, id: 'u2', email: 'a@example.org' })).rejects.toThrow();
    });

    it('STORE5 transaction-scoped advisory locks serialise concurrent writers', async () => {
      const order: string[] = [];
      const hold = (name: string, ms: number) =>
        storage.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(42, hashtext('bill'))`);
          order.push(`${name}:in`);
          await new Promise((resolve) => setTimeout(resolve, ms));
          order.push(`${name}:out`);
        });
      await Promise.all([hold('a', 50), hold('b', 0)]);
      // Whoever got the lock first left before the other entered: [x:in, x:out, y:in, y:out].
      const [first, second] = [order[0]?.split(':')[0], order[2]?.split(':')[0]];
      expect(order).toEqual([`${first}:in`, `${first}:out`, `${second}:in`, `${second}:out`]);
      expect(first).not.toBe(second);
    });

    it('STORE6 case-insensitive search and DISTINCT ON behave the same on both engines', async () => {
      const rows = await queryRows<{ id: string }>(storage.db, sql`select id from bills where title ilike ${'%TITRE%'} order by id`);
      expect(rows.map((row) => row.id)).toEqual(['b-round']);
      const latest = await storage.db
        .selectDistinctOn([billSteps.billId])
        .from(billSteps)
        .orderBy(billSteps.billId, sql`${billSteps.position} desc`);
      expect(latest.map((step) => step.id)).toEqual(['s1']);
    });
  });
}
