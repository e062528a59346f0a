import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Argument } from '../../shared/api/arguments.ts';
import type { Tallies, VoteState, VoteValue } from '../../shared/api/votes.ts';
import { sealOf } from '../../server/modules/ledger/hashChain.ts';
import { events, votes, voteTallies } from '../../server/storage/schema.ts';
import { ADMIN_ENV, adminClient, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { type BillWithArticles, createBillWithArticles, depositedAmendment, draftAmendment, entriesOfType, ledgerOf } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const VALUES: VoteValue[] = ['agree', 'mixed', 'disagree'];

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`votes on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    let world: BillWithArticles;

    const votePath = (billId: string, type: string, id: string) => `/bills/${billId}/votes/${type}/${id}`;
    /** Tally and rows as stored, to compare with what the API says. */
    async function stored(type: string, id: string) {
      const db = server.app.storage.db;
      const rows = await db.select().from(votes).where(and(eq(votes.targetType, type), eq(votes.targetId, id)));
      const [tally] = await db.select().from(voteTallies).where(and(eq(voteTallies.targetType, type), eq(voteTallies.targetId, id)));
      const counted = { agree: 0, mixed: 0, disagree: 0 };
      for (const row of rows) counted[row.value as VoteValue] += 1;
      return { rows, counted, tally: tally ? { agree: tally.agree, mixed: tally.mixed, disagree: tally.disagree } : null };
    }

    /** The bill's ledger rows as stored, with their sealed parts (who voted how: no public read has them, LEDGER8), of some types. */
    async function storedEntries(billId: string, ...types: string[]) {
      const rows = await server.app.storage.db.select().from(events).where(eq(events.billId, billId)).orderBy(asc(events.seq));
      return types.length === 0 ? rows : rows.filter((row) => types.includes(row.type));
    }
    /** A vote's sealed part without its salt: the voter and the values. */
    const vote = (sealed: Record<string, unknown> | null) => {
      const { salt: _salt, ...fields } = sealed ?? {};
      return fields;
    };

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
      world = await createBillWithArticles(admin);
    });
    afterAll(() => server?.stop());

    it('VOTE1 a signed-in user votes on an article; the tally, their own vote and the ledger say so', async () => {
      const { client, me } = await signUp(server.url);
      const article = world.articleIds[0]!;
      const path = votePath(world.bill.id, 'article', article);
      const before = (await anonymous.get<VoteState>(path)).body.tally;

      const cast = await client.put<VoteState>(path, { value: 'agree' });
      expect(cast.status).toBe(200);
      expect(cast.body).toEqual({
        target: { type: 'article', id: article },
        tally: { ...before, agree: before.agree + 1, total: before.total + 1 },
        myVote: 'agree',
      });
      expect((await anonymous.get<VoteState>(path)).body).toEqual({ ...cast.body, myVote: null });
      expect((await client.get<VoteState>(path)).body).toEqual(cast.body);

      // The entry names the target; the voter and the value are in its sealed part, committed to by its seal (LEDGER8).
      const [entry] = (await storedEntries(world.bill.id, 'vote.cast')).filter((e) => e.sealed?.actorId === me.id);
      expect(entry).toMatchObject({ actorId: null, payload: { target: { type: 'article', id: article }, seal: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } });
      expect(Object.keys(entry!.payload).sort()).toEqual(['seal', 'target']);
      expect(entry?.sealed).toEqual({ actorId: me.id, value: 'agree', previous: null, salt: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown });
      expect(sealOf(entry!.sealed!)).toBe(entry?.payload.seal);
    });

    it('VOTE1 a vote is changed and withdrawn; the same value again, or withdrawing twice, records nothing', async () => {
      const { client, me } = await signUp(server.url);
      const article = world.articleIds[1]!;
      const path = votePath(world.bill.id, 'article', article);
      const mine = async () => (await storedEntries(world.bill.id)).filter((e) => e.sealed?.actorId === me.id);
      const base = (await anonymous.get<VoteState>(path)).body.tally;

      await client.put(path, { value: 'mixed' });
      const changed = await client.put<VoteState>(path, { value: 'disagree' });
      expect(changed.body.tally).toEqual({ ...base, disagree: base.disagree + 1, total: base.total + 1 });
      expect(changed.body.myVote).toBe('disagree');
      const again = await client.put<VoteState>(path, { value: 'disagree' });
      expect(again.body).toEqual(changed.body);

      const withdrawn = await client.delete<VoteState>(path);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ target: { type: 'article', id: article }, tally: base, myVote: null });
      expect((await client.delete<VoteState>(path)).body).toEqual(withdrawn.body);

      const target = { type: 'article', id: article };
      expect((await mine()).map((e) => [e.type, e.payload.target, vote(e.sealed)])).toEqual([
        ['vote.cast', target, { actorId: me.id, value: 'mixed', previous: null }],
        ['vote.cast', target, { actorId: me.id, value: 'disagree', previous: 'mixed' }],
        ['vote.withdrawn', target, { actorId: me.id, previous: 'disagree' }],
      ]);
      expect((await stored('article', article)).rows.filter((row) => row.userId === me.id)).toEqual([]);
    });

    it('VOTE1 100 concurrent votes by one user on one target (mixed values) leave exactly one vote and an exact tally', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const { client, me } = await signUp(server.url);
      const article = articleIds[0]!;
      const path = votePath(bill.id, 'article', article);
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 7 === 6 ? client.delete<VoteState>(path) : client.put<VoteState>(path, { value: VALUES[i % 3] }))),
      );
      expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
      // Ensure the last word is a vote, whatever order the requests ran in.
      await client.put(path, { value: 'mixed' });

      const { rows, counted, tally } = await stored('article', article);
      expect(rows.map((row) => [row.userId, row.value])).toEqual([[me.id, 'mixed']]);
      expect(tally).toEqual(counted);
      expect((await anonymous.get<VoteState>(path)).body.tally).toEqual({ agree: 0, mixed: 1, disagree: 0, total: 1 });

      // The ledger's sealed parts replay to the same vote: each entry starts from the previous one's result.
      let current: string | null = null;
      for (const entry of await storedEntries(bill.id, 'vote.cast', 'vote.withdrawn')) {
        const { actorId, value, previous } = vote(entry.sealed);
        expect(actorId).toBe(me.id);
        expect(previous).toBe(current);
        expect(value).not.toBe(current);
        current = entry.type === 'vote.cast' ? (value as string) : null;
      }
      expect(current).toBe('mixed');
      expect((await anonymous.get<{ ok: boolean }>(`/bills/${bill.id}/events/verify`)).body.ok).toBe(true);
    });

    it('VOTE1 a burst of votes by 30 users, then changes and withdrawals, is tallied exactly', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const article = articleIds[0]!;
      const path = votePath(bill.id, 'article', article);
      // Sign-ups hash passwords (argon2, memory-hard): a few at a time.
      const voters: Awaited<ReturnType<typeof signUp>>[] = [];
      while (voters.length < 30) voters.push(...(await Promise.all(Array.from({ length: 5 }, () => signUp(server.url)))));

      await Promise.all(voters.map(({ client }, i) => client.put(path, { value: VALUES[i % 3] })));
      expect((await anonymous.get<VoteState>(path)).body.tally).toEqual({ agree: 10, mixed: 10, disagree: 10, total: 30 });

      // Every third voter withdraws, the others move to the next value, all at once.
      await Promise.all(
        voters.map(({ client }, i) => (i % 3 === 0 ? client.delete(path) : client.put(path, { value: VALUES[(i + 1) % 3] }))),
      );
      // Voters 1, 4, 7… (were mixed) now disagree; 2, 5, 8… (were disagree) now agree; 0, 3, 6… withdrew.
      expect((await anonymous.get<VoteState>(path)).body.tally).toEqual({ agree: 10, mixed: 0, disagree: 10, total: 20 });
      const { counted, tally } = await stored('article', article);
      expect(tally).toEqual(counted);
    }, 120_000);

    it('VOTE3 ballots arriving together commit together; each has its own answer and ledger entry, and an unknown target fails alone', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const voters: Awaited<ReturnType<typeof signUp>>[] = [];
      while (voters.length < 12) voters.push(...(await Promise.all(Array.from({ length: 4 }, () => signUp(server.url)))));
      // Every voter votes on every article at once; every fourth voter also votes on an article that does not exist.
      const ballots = voters.flatMap(({ client }, v) => [
        ...articleIds.map((article, a) => ({ client, path: votePath(bill.id, 'article', article), value: VALUES[(v + a) % 3]!, known: true })),
        ...(v % 4 === 0 ? [{ client, path: votePath(bill.id, 'article', 'no-such-article'), value: VALUES[0]!, known: false }] : []),
      ]);
      const answers = await Promise.all(ballots.map(({ client, path, value }) => client.put<VoteState>(path, { value })));

      answers.forEach((answer, i) => {
        const ballot = ballots[i]!;
        if (ballot.known) expect({ status: answer.status, myVote: answer.body.myVote }).toEqual({ status: 200, myVote: ballot.value });
        else expectProblem(answer, 404, 'article_not_found');
      });
      for (const [a, article] of articleIds.entries()) {
        const expected = { agree: 0, mixed: 0, disagree: 0 };
        for (const v of voters.keys()) expected[VALUES[(v + a) % 3]!] += 1;
        const { counted, tally } = await stored('article', article);
        expect(counted).toEqual(expected);
        expect(tally).toEqual(expected);
      }
      const cast = await entriesOfType(anonymous, bill.id, 'vote.cast');
      expect(cast).toHaveLength(voters.length * articleIds.length);
      // Entries of one group commit share their time: fewer distinct times than entries means ballots were grouped.
      expect(new Set(cast.map((entry) => entry.createdAt)).size).toBeLessThan(cast.length);
      expect((await anonymous.get<{ ok: boolean }>(`/bills/${bill.id}/events/verify`)).body.ok).toBe(true);
    }, 120_000);

    it('VOTE1 an argument takes "agree" votes only (a +1), shown on the argument', async () => {
      const { client: author } = await signUp(server.url);
      const { client: voter } = await signUp(server.url);
      const created = await author.post<Argument>(`/bills/${world.bill.id}/arguments`, {
        target: { type: 'article', id: world.articleIds[0] },
        side: 'pour',
        body: 'Cet article protège les citoyens.',
      });
      expect(created.status).toBe(201);
      const path = votePath(world.bill.id, 'argument', created.body.id);

      expect((await voter.put<VoteState>(path, { value: 'agree' })).body.tally).toEqual({ agree: 1, mixed: 0, disagree: 0, total: 1 });
      const refused = expectProblem(await voter.put(path, { value: 'mixed' }), 400, 'validation_failed');
      expect(refused.errors?.map((e) => e.path)).toEqual(['value']);
      expectProblem(await voter.put(path, { value: 'disagree' }), 400, 'validation_failed');
      expect((await voter.get<VoteState>(path)).body.myVote).toBe('agree');
      expect((await anonymous.get<Argument>(`/bills/${world.bill.id}/arguments/${created.body.id}`)).body.votes).toEqual({
        agree: 1,
        mixed: 0,
        disagree: 0,
        total: 1,
      });
      await voter.delete(path);
      expect((await anonymous.get<Argument>(`/bills/${world.bill.id}/arguments/${created.body.id}`)).body.votes.total).toBe(0);
    });

    it('VOTE1 tallies of many targets in one read; every id asked for is answered, at most 200, with the reader’s own votes', async () => {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const [first, second] = articleIds as [string, string];
      const { client } = await signUp(server.url);
      await client.put(votePath(bill.id, 'article', first), { value: 'disagree' });

      const read = await anonymous.get<Tallies>(`/bills/${bill.id}/tallies?targetType=article&ids=${first},${second},${first}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual({
        targetType: 'article',
        tallies: {
          [first]: { agree: 0, mixed: 0, disagree: 1, total: 1 },
          [second]: { agree: 0, mixed: 0, disagree: 0, total: 0 },
        },
      });
      // A signed-in reader also gets their own votes on those targets.
      expect((await client.get<Tallies>(`/bills/${bill.id}/tallies?targetType=article&ids=${first},${second}`)).body.myVotes).toEqual({ [first]: 'disagree' });
      const tooMany = Array.from({ length: 201 }, (_, i) => `id-${i}`).join(',');
      expectProblem(await anonymous.get(`/bills/${bill.id}/tallies?targetType=article&ids=${tooMany}`), 400, 'validation_failed');
      expectProblem(await anonymous.get(`/bills/${bill.id}/tallies?targetType=article&ids=`), 400, 'validation_failed');
      expectProblem(await anonymous.get(`/bills/${bill.id}/tallies?targetType=source&ids=${first}`), 400, 'validation_failed');
      expectProblem(await anonymous.get(`/bills/no-such-bill/tallies?targetType=article&ids=${first}`), 404, 'bill_not_found');
    });

    it('CONTRIB1 anonymous votes get 401 before the body is read; bad input 400, unknown targets 404; nothing changes', async () => {
      const article = world.articleIds[0]!;
      const path = votePath(world.bill.id, 'article', article);
      const entriesBefore = (await ledgerOf(anonymous, world.bill.id)).length;
      const tallyBefore = (await anonymous.get<VoteState>(path)).body.tally;

      expectProblem(await anonymous.put(path, { value: 'agree' }), 401, 'authentication_required');
      expectProblem(await anonymous.request('PUT', path, '{"value": '), 401, 'authentication_required');
      expectProblem(await anonymous.delete(path), 401, 'authentication_required');

      const { client } = await signUp(server.url);
      expectProblem(await client.put(path, { value: 'yes' }), 400, 'validation_failed');
      expectProblem(await client.put(path, {}), 400, 'validation_failed');
      expectProblem(await client.put(votePath(world.bill.id, 'source', article), { value: 'agree' }), 400, 'validation_failed');
      expectProblem(await client.put(votePath(world.bill.id, 'article', 'no-such-article'), { value: 'agree' }), 404, 'article_not_found');
      expectProblem(await client.put(votePath(world.bill.id, 'argument', 'no-such-argument'), { value: 'agree' }), 404, 'argument_not_found');
      expectProblem(await client.put(votePath(world.bill.id, 'amendment', 'no-such-amendment'), { value: 'agree' }), 404, 'amendment_not_found');
      expectProblem(await client.put(votePath('no-such-bill', 'article', article), { value: 'agree' }), 404, 'bill_not_found');
      // An article of another bill is not a target of this one.
      const other = await createBillWithArticles(admin);
      expectProblem(await client.put(votePath(world.bill.id, 'article', other.articleIds[0]!), { value: 'agree' }), 404, 'article_not_found');
      expectProblem(await anonymous.get(votePath(world.bill.id, 'article', 'no-such-article')), 404, 'article_not_found');

      expect((await ledgerOf(anonymous, world.bill.id)).length).toBe(entriesBefore);
      expect((await anonymous.get<VoteState>(path)).body.tally).toEqual(tallyBefore);
    });

    it('VOTE1 votes on a deposited amendment; a draft is no target yet', async () => {
      const { client: author } = await signUp(server.url);
      const { client: voter } = await signUp(server.url);
      const draft = await draftAmendment(author, world.bill.id, world.articleIds[0]!);
      expectProblem(await voter.put(votePath(world.bill.id, 'amendment', draft.id), { value: 'agree' }), 404, 'amendment_not_found');
      expectProblem(await author.put(votePath(world.bill.id, 'amendment', draft.id), { value: 'agree' }), 404, 'amendment_not_found');

      const deposited = await depositedAmendment(author, world.bill.id, world.articleIds[1]!);
      const path = votePath(world.bill.id, 'amendment', deposited.id);
      await voter.put(path, { value: 'disagree' });
      await author.put(path, { value: 'agree' });
      expect((await voter.put<VoteState>(path, { value: 'mixed' })).body).toEqual({
        target: { type: 'amendment', id: deposited.id },
        tally: { agree: 1, mixed: 1, disagree: 0, total: 2 },
        myVote: 'mixed',
      });
      const tallies = await anonymous.get<Tallies>(`/bills/${world.bill.id}/tallies?targetType=amendment&ids=${deposited.id}`);
      expect(tallies.body.tallies[deposited.id]).toEqual({ agree: 1, mixed: 1, disagree: 0, total: 2 });
    });
  });
}
