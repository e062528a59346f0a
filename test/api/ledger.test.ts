import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { LedgerEvent, LedgerVerification } from '../../shared/api/ledger.ts';
import type { Me } from '../../shared/api/users.ts';
import { GENESIS_HASH, hashEntry } from '../../server/modules/ledger/hashChain.ts';
import { events } from '../../server/storage/schema.ts';
import {
  ADMIN_ENV,
  adminClient,
  billBody,
  createBill,
  expectProblem,
  type LedgerPage,
  makeParliamentarian,
  signUp,
} from '../helpers/apiFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`bill ledger on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let adminId: string;
    let anonymous: ApiClient;
    let depute: string;

    const entries = async (billId: string) => (await anonymous.get<LedgerPage>(`/bills/${billId}/events?limit=1000`)).body.events;
    const verify = async (billId: string) => (await anonymous.get<LedgerVerification>(`/bills/${billId}/events/verify`)).body;
    const eventCount = async () => (await server.app.storage.db.select({ n: count() }).from(events))[0]?.n;

    /** A bill whose ledger has `n` entries: its creation, then the rapporteur named and removed in turn. */
    async function billWithEntries(n: number): Promise<Bill> {
      const bill = await createBill(admin);
      for (let seq = 2; seq <= n; seq += 1) {
        const response = seq % 2 === 0 ? await admin.put(`/bills/${bill.id}/rapporteurs/${depute}`) : await admin.delete(`/bills/${bill.id}/rapporteurs/${depute}`);
        expect(response.status).toBe(204);
      }
      return bill;
    }

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      adminId = (await admin.get<Me>('/me')).body.id;
      anonymous = new ApiClient(server.url);
      depute = (await makeParliamentarian(server.url, admin)).id;
    });
    afterAll(() => server?.stop());

    it('LEDGER1 creating a bill appends bill.created as entry 1 of a new chain, in the same transaction', async () => {
      const bill = await createBill(admin, { title: 'Projet de loi du registre', sourceRef: 'ledger1-ref' });
      const [created, ...rest] = await entries(bill.id);
      expect(rest).toEqual([]);
      expect(created).toMatchObject({ billId: bill.id, seq: 1, type: 'bill.created', actorId: adminId, prevHash: GENESIS_HASH });
      expect(created?.payload).toMatchObject({ title: 'Projet de loi du registre' });
      expect(created?.hash).toBe(hashEntry({ ...(created as LedgerEvent), createdAt: new Date(created?.createdAt as string) }));

      // Refused changes append nothing.
      const before = await eventCount();
      expect((await admin.post('/bills', billBody({ sourceRef: 'ledger1-ref' }))).status).toBe(409);
      const { me: citizen } = await signUp(server.url);
      expect((await admin.put(`/bills/${bill.id}/rapporteurs/${citizen.id}`)).status).toBe(409);
      expect(await eventCount()).toBe(before);
    });

    it('LEDGER3 pages through one bill’s entries with after/limit, oldest first, and 404s an unknown bill', async () => {
      const bill = await billWithEntries(3);
      const other = await createBill(admin);
      // Interleave another bill's entries between this bill's.
      await admin.put(`/bills/${other.id}/rapporteurs/${depute}`);
      await admin.put(`/bills/${bill.id}/rapporteurs/${depute}`);
      await admin.delete(`/bills/${other.id}/rapporteurs/${depute}`);
      await admin.delete(`/bills/${bill.id}/rapporteurs/${depute}`);

      const seen: number[] = [];
      const pages: number[][] = [];
      let after = 0;
      for (let page = 0; page < 10; page += 1) {
        const response = await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?after=${after}&limit=2`);
        expect(response.status).toBe(200);
        pages.push(response.body.events.map((e) => e.seq));
        for (const event of response.body.events) {
          expect(event.billId).toBe(bill.id);
          expect(event.id).toBeGreaterThan(after);
          seen.push(event.seq);
        }
        if (response.body.next === null) break;
        expect(response.body.next).toBe(response.body.events.at(-1)?.id);
        after = response.body.next;
      }
      expect(pages).toEqual([[1, 2], [3, 4], [5]]);
      expect(seen).toEqual([1, 2, 3, 4, 5]);

      const all = await entries(bill.id);
      const beyond = await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?after=${all.at(-1)?.id}`);
      expect(beyond.body).toEqual({ events: [], next: null, cursor: 5 });
      expect((await entries(other.id)).map((e) => e.type)).toEqual(['bill.created', 'rapporteur.granted', 'rapporteur.revoked']);
      expectProblem(await anonymous.get('/bills/no-such-bill/events'), 404, 'bill_not_found');
      expectProblem(await anonymous.get('/bills/no-such-bill/events/verify'), 404, 'bill_not_found');
      expectProblem(await anonymous.get(`/bills/${bill.id}/events?limit=0`), 400, 'validation_failed');
    });

    it('LEDGER7 ?last=N lists the bill’s last N entries oldest first, with the cursor to follow on live or by REST', async () => {
      const bill = await billWithEntries(5);
      const other = await createBill(admin);
      await admin.put(`/bills/${other.id}/rapporteurs/${depute}`);
      const all = await entries(bill.id);

      const last = await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?last=3`);
      expect(last.status).toBe(200);
      expect(last.body).toEqual({ events: all.slice(2), next: null, cursor: 5 });
      expect((await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?last=1000`)).body).toEqual({ events: all, next: null, cursor: 5 });

      // Following on by REST from the last entry's id gives what comes next, once.
      await admin.put(`/bills/${bill.id}/rapporteurs/${depute}`);
      const onward = await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?after=${last.body.events.at(-1)?.id}`);
      expect(onward.body.events.map((e) => [e.seq, e.type])).toEqual([[6, 'rapporteur.granted']]);
      expect(onward.body).toMatchObject({ next: null, cursor: 6 });
      expect((await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?last=2`)).body.events.map((e) => e.seq)).toEqual([5, 6]);

      // Every page says how far it reaches, in the live stream's cursor (the entry's seq).
      expect((await anonymous.get<LedgerPage>(`/bills/${bill.id}/events?limit=2`)).body).toMatchObject({ next: all[1]?.id, cursor: 2 });

      for (const query of ['last=0', 'last=1001', 'last=two', 'last=2&after=0', 'last=2&limit=2']) {
        expectProblem(await anonymous.get(`/bills/${bill.id}/events?${query}`), 400, 'validation_failed');
      }
      expectProblem(await anonymous.get('/bills/no-such-bill/events?last=3'), 404, 'bill_not_found');
    });

    it('LEDGER4 an intact chain verifies', async () => {
      const bill = await billWithEntries(4);
      const all = await entries(bill.id);
      expect(await verify(bill.id)).toEqual({ ok: true, count: 4, head: all.at(-1)?.hash });
    });

    it('LEDGER4 a changed payload is a hash_mismatch at that entry', async () => {
      const bill = await billWithEntries(4);
      const target = (await entries(bill.id))[1] as LedgerEvent;
      await server.app.storage.db.execute(
        sql`update events set payload = ${JSON.stringify({ userId: 'someone-else' })}::jsonb where bill_id = ${bill.id} and seq = 2`,
      );
      expect(await verify(bill.id)).toMatchObject({ ok: false, count: 2, reason: 'hash_mismatch', brokenAt: { id: target.id, seq: 2 } });
    });

    it('LEDGER4 a removed entry is a sequence_gap at the entry after it', async () => {
      const bill = await billWithEntries(4);
      const after = (await entries(bill.id))[2] as LedgerEvent;
      await server.app.storage.db.execute(sql`delete from events where bill_id = ${bill.id} and seq = 2`);
      expect(await verify(bill.id)).toMatchObject({ ok: false, count: 2, reason: 'sequence_gap', brokenAt: { id: after.id, seq: 3 } });
    });

    it('LEDGER4 an entry rewritten with a self-consistent hash breaks the link to the next entry', async () => {
      const bill = await billWithEntries(4);
      const { db } = server.app.storage;
      const [row] = await db.select().from(events).where(and(eq(events.billId, bill.id), eq(events.seq, 2)));
      if (row === undefined) throw new Error('entry 2 missing');
      const payload = { userId: 'someone-else' };
      const hash = hashEntry({ ...row, payload });
      await db.execute(sql`update events set payload = ${JSON.stringify(payload)}::jsonb, hash = ${hash} where id = ${row.id}`);

      const next = (await entries(bill.id))[2] as LedgerEvent;
      const result = await verify(bill.id);
      expect(result).toMatchObject({ ok: false, count: 3, reason: 'prev_hash_mismatch', brokenAt: { id: next.id, seq: 3 } });
    });

    it('LEDGER4 two swapped entries break the chain where the first moved entry stands', async () => {
      const bill = await billWithEntries(4);
      const moved = (await entries(bill.id))[2] as LedgerEvent;
      await server.app.storage.db.transaction(async (tx) => {
        await tx.execute(sql`update events set seq = -1 where bill_id = ${bill.id} and seq = 2`);
        await tx.execute(sql`update events set seq = 2 where bill_id = ${bill.id} and seq = 3`);
        await tx.execute(sql`update events set seq = 3 where bill_id = ${bill.id} and seq = -1`);
      });
      expect(await verify(bill.id)).toMatchObject({ ok: false, count: 2, reason: 'prev_hash_mismatch', brokenAt: { id: moved.id, seq: 2 } });
    });

    it('LEDGER5 20 concurrent rapporteur changes on one bill give one chain without gaps or forks', async () => {
      const bill = await createBill(admin);
      const deputes = await Promise.all(Array.from({ length: 20 }, () => makeParliamentarian(server.url, admin)));
      const [toRevoke, toGrant] = [deputes.slice(0, 10), deputes.slice(10)];
      for (const { id } of toRevoke) expect((await admin.put(`/bills/${bill.id}/rapporteurs/${id}`)).status).toBe(204);

      const responses = await Promise.all([
        ...toGrant.map(({ id }) => admin.put(`/bills/${bill.id}/rapporteurs/${id}`)),
        ...toRevoke.map(({ id }) => admin.delete(`/bills/${bill.id}/rapporteurs/${id}`)),
      ]);
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 204));

      const chain = await entries(bill.id);
      expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
      chain.forEach((entry, i) => expect(entry.prevHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]?.hash));
      const concurrent = chain.slice(11);
      expect(concurrent.filter((e) => e.type === 'rapporteur.granted').map((e) => e.payload.userId).sort()).toEqual(
        toGrant.map((d) => d.id).sort(),
      );
      expect(concurrent.filter((e) => e.type === 'rapporteur.revoked').map((e) => e.payload.userId).sort()).toEqual(
        toRevoke.map((d) => d.id).sort(),
      );
      expect(await verify(bill.id)).toEqual({ ok: true, count: 31, head: chain.at(-1)?.hash });
      const rapporteurs = (await anonymous.get<Bill>(`/bills/${bill.id}`)).body.rapporteurs.map((r) => r.id);
      expect(rapporteurs.sort()).toEqual(toGrant.map((d) => d.id).sort());
    });
  });
}
