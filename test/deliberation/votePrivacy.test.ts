/**
 * Who voted how is personal data (LEDGER8): a vote entry seals its voter and values (stored apart with a random salt,
 * committed to by `payload.seal`), so the public ledger shows it whole, a third party verifies every hash, and nobody
 * finds the vote by trying every voter and value. `/events/verify` checks each stored sealed part against its seal
 * (LEDGER4); an erased sealed part does not break the chain.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerEvent, LedgerVerification } from '../../shared/api/ledger.ts';
import type { VoteValue } from '../../shared/api/votes.ts';
import { appendEvent } from '../../server/modules/ledger/index.ts';
import { GENESIS_HASH, hashEntry, sealOf } from '../../server/modules/ledger/hashChain.ts';
import { events } from '../../server/storage/schema.ts';
import { ADMIN_ENV, adminClient, signUp } from '../helpers/apiFixtures.ts';
import { createBillWithArticles, ledgerOf } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const VALUES: VoteValue[] = ['agree', 'mixed', 'disagree'];
const SEALED_CAST = ['actorId', 'value', 'previous'];

/** An entry's chained fields as served (JSON): what a third party hashes. */
const chained = (entry: LedgerEvent) => ({ ...entry, createdAt: new Date(entry.createdAt) });

/**
 * The attack LEDGER8 is about: user ids are public and a vote has few values, so try every (voter, value, previous)
 * against what the public reads of a vote entry. Returns every guess that matches its hash, or its seal (as if unsalted).
 */
function bruteForce(entry: LedgerEvent, voters: readonly string[]): Array<{ voter: string; value: VoteValue | null; previous: VoteValue | null }> {
  const target = entry.payload.target;
  const found = [];
  for (const voter of voters) {
    for (const value of entry.type === 'vote.withdrawn' ? [null] : VALUES) {
      for (const previous of [null, ...VALUES]) {
        const values = value === null ? { previous } : { value, previous };
        const asWritten = { ...chained(entry), actorId: voter, payload: { target, ...values } };
        const asPublished = { ...chained(entry), actorId: voter };
        const matches =
          hashEntry(asWritten) === entry.hash || hashEntry(asPublished) === entry.hash || sealOf({ actorId: voter, ...values }) === entry.payload.seal;
        if (matches) found.push({ voter, value, previous });
      }
    }
  }
  return found;
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`vote privacy on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;

    const votePath = (billId: string, id: string) => `/bills/${billId}/votes/article/${id}`;
    const verify = async (billId: string) => (await anonymous.get<LedgerVerification>(`/bills/${billId}/events/verify`)).body;
    /** The bill's vote rows as stored, sealed parts included, oldest first. */
    const storedVotes = (billId: string) =>
      server.app.storage.db
        .select()
        .from(events)
        .where(and(eq(events.billId, billId), sql`${events.type} like 'vote.%'`))
        .orderBy(asc(events.seq));

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
    });
    afterAll(() => server?.stop());

    it('LEDGER8 a vote is stored with actorId null and payload {target, seal}; its sealed part, salted, rehashes to the seal', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const { client, me } = await signUp(server.url);
      const article = articleIds[0]!;
      await client.put(votePath(bill.id, article), { value: 'disagree' });
      await client.delete(votePath(bill.id, article));

      const [cast, withdrawn] = await storedVotes(bill.id);
      const onTarget = { target: { type: 'article', id: article }, seal: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown };
      expect(cast).toMatchObject({ type: 'vote.cast', actorId: null, payload: onTarget });
      expect(withdrawn).toMatchObject({ type: 'vote.withdrawn', actorId: null, payload: onTarget });
      for (const row of [cast!, withdrawn!]) {
        expect(Object.keys(row.payload).sort()).toEqual(['seal', 'target']);
        expect(sealOf(row.sealed!)).toBe(row.payload.seal);
      }
      const salt = expect.stringMatching(/^[0-9a-f]{32}$/) as unknown;
      expect(cast?.sealed).toEqual({ actorId: me.id, value: 'disagree', previous: null, salt });
      expect(withdrawn?.sealed).toEqual({ actorId: me.id, previous: 'disagree', salt });
      // One salt per entry: equal votes do not give equal seals.
      expect(cast?.sealed?.salt).not.toBe(withdrawn?.sealed?.salt);
    });

    it('LEDGER8 the public ledger shows a vote whole but for its sealed part: no voter, no value, anywhere, even to the voter', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const { client, me } = await signUp(server.url);
      await client.put(votePath(bill.id, articleIds[0]!), { value: 'mixed' });
      await client.put(votePath(bill.id, articleIds[0]!), { value: 'agree' });
      await client.delete(votePath(bill.id, articleIds[0]!));

      const stored = await storedVotes(bill.id);
      for (const reader of [anonymous, client]) {
        const listed = (await ledgerOf(reader, bill.id)).filter((entry) => entry.type.startsWith('vote.'));
        expect(listed).toEqual(
          stored.map(({ sealed: _sealed, createdAt, ...row }) => ({
            ...row,
            createdAt: createdAt.toISOString(),
            sealed: row.type === 'vote.withdrawn' ? ['actorId', 'previous'] : SEALED_CAST,
          })),
        );
        const served = JSON.stringify(await ledgerOf(reader, bill.id));
        expect(served).not.toContain(me.id);
        for (const value of VALUES) expect(served).not.toContain(`"${value}"`);
        for (const row of stored) expect(served).not.toContain(String(row.sealed?.salt));
      }
    });

    it('LEDGER8 trying every voter, value and previous value recovers no sealed vote; an entry written before votes were sealed is recovered so', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const voters = await Promise.all(Array.from({ length: 3 }, () => signUp(server.url)));
      const ids = voters.map(({ me }) => me.id);
      for (const [i, { client }] of voters.entries()) await client.put(votePath(bill.id, articleIds[0]!), { value: VALUES[i % 3] });
      await voters[0]!.client.put(votePath(bill.id, articleIds[0]!), { value: 'disagree' });
      await voters[1]!.client.delete(votePath(bill.id, articleIds[0]!));
      // An entry in the form every vote took before votes were sealed: the chain keeps such entries as they were.
      const target = { type: 'article', id: articleIds[1]! };
      const old = await server.app.storage.db.transaction((tx) =>
        appendEvent(tx, { billId: bill.id, type: 'vote.cast', actorId: ids[2]!, payload: { target, value: 'mixed', previous: 'agree' } }),
      );

      const listed = (await ledgerOf(anonymous, bill.id)).filter((entry) => entry.type.startsWith('vote.'));
      const sealed = listed.filter((entry) => entry.id !== old.id);
      expect(sealed).toHaveLength(5);
      for (const entry of sealed) expect(bruteForce(entry, ids)).toEqual([]);

      // The older form is withheld when read, but its hash gives the vote away to the same search: why votes are sealed.
      const formerly = listed.find((entry) => entry.id === old.id);
      expect(formerly).toMatchObject({ actorId: null, payload: { target, value: null, previous: null }, withheld: SEALED_CAST, hash: old.hash });
      expect(bruteForce(formerly!, ids)).toEqual([{ voter: ids[2], value: 'mixed', previous: 'agree' }]);
      expect(await verify(bill.id)).toMatchObject({ ok: true });
    });

    it('LEDGER8 a third party verifies the whole public chain offline, votes included, from what GET /events serves', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const voters = await Promise.all(Array.from({ length: 3 }, () => signUp(server.url)));
      for (const [i, { client }] of voters.entries()) {
        for (const [a, article] of articleIds.entries()) await client.put(votePath(bill.id, article), { value: VALUES[(i + a) % 3] });
      }
      await voters[0]!.client.put(votePath(bill.id, articleIds[0]!), { value: 'mixed' });
      await voters[1]!.client.delete(votePath(bill.id, articleIds[1]!));

      const served = await ledgerOf(anonymous, bill.id);
      expect(served.filter((entry) => entry.type.startsWith('vote.')).length).toBe(3 * articleIds.length + 2);
      let previous = GENESIS_HASH;
      served.forEach((entry, index) => {
        expect(entry.seq).toBe(index + 1);
        expect(entry.prevHash).toBe(previous);
        expect(entry.withheld).toBeUndefined();
        expect(hashEntry(chained(entry))).toBe(entry.hash);
        previous = entry.hash;
      });
      expect(await verify(bill.id)).toEqual({ ok: true, count: served.length, head: previous });
    });

    it('LEDGER4 LEDGER8 a changed sealed part is a seal_mismatch at its entry; an erased one (null) keeps the chain valid', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const { client } = await signUp(server.url);
      await client.put(votePath(bill.id, articleIds[0]!), { value: 'agree' });
      await client.put(votePath(bill.id, articleIds[1]!), { value: 'agree' });
      const [first, second] = await storedVotes(bill.id);
      const { db } = server.app.storage;
      const setSealed = (id: number, sealed: Record<string, unknown> | null) =>
        db.execute(sql`update events set sealed = ${sealed === null ? null : JSON.stringify(sealed)}::jsonb where id = ${id}`);

      // The value changed, the salt kept.
      await setSealed(first!.id, { ...first!.sealed, value: 'disagree' });
      expect(await verify(bill.id)).toMatchObject({ ok: false, count: first!.seq, reason: 'seal_mismatch', brokenAt: { id: first!.id, seq: first!.seq } });
      // Another entry's sealed part in its place.
      await setSealed(first!.id, second!.sealed);
      expect(await verify(bill.id)).toMatchObject({ ok: false, reason: 'seal_mismatch', brokenAt: { id: first!.id } });
      // A sealed part where none was sealed.
      await setSealed(first!.id, first!.sealed);
      const [created] = await db.select().from(events).where(and(eq(events.billId, bill.id), eq(events.seq, 1)));
      await setSealed(created!.id, { actorId: 'someone' });
      expect(await verify(bill.id)).toMatchObject({ ok: false, count: 1, reason: 'seal_mismatch', brokenAt: { id: created!.id, seq: 1 } });
      await setSealed(created!.id, null);

      // Erased (a person's right to erasure): the chain covers the seal only, so it still verifies, and reads the same.
      const before = await ledgerOf(anonymous, bill.id);
      await setSealed(first!.id, null);
      const head = before.at(-1)!.hash;
      expect(await verify(bill.id)).toEqual({ ok: true, count: before.length, head });
      expect(await ledgerOf(anonymous, bill.id)).toEqual(before);
    });
  });
}
