import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { VoteTarget } from '../../shared/api/votes.ts';
import { ADMIN_ENV, adminClient, createBill } from '../helpers/apiFixtures.ts';
import { waitFor } from '../helpers/collabClients.ts';
import { appendEntries, ledgerTally, LiveClient, startLiveServer, type TestEntry, testEntries, voteEntry } from '../helpers/liveClients.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient, TestServer } from '../helpers/testServer.ts';

const article = (id: string): VoteTarget => ({ type: 'article', id });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(storageTargets)('live vote tallies on $name', (target) => {
  describe.skipIf(target.skipReason !== null)(targetTitle(target), () => {
    let server: TestServer;
    let admin: ApiClient;
    const clients: LiveClient[] = [];

    beforeAll(async () => {
      // No votes endpoint writes these entries: the tally is counted from the ledger's vote.cast entries (their sealed parts).
      server = await startLiveServer(target, { env: ADMIN_ENV, live: (app) => ({ tallyOf: ledgerTally(() => app().storage.db) }) });
      admin = await adminClient(server.url);
    });
    afterEach(() => {
      for (const client of clients.splice(0)) client.close();
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function subscribed(bill: Bill, after?: number): Promise<LiveClient> {
      const client = await LiveClient.connect(server.url);
      clients.push(client);
      expect((await client.subscribe(bill.id, after)).ok).toBe(true);
      return client;
    }

    async function publish(bill: Bill, entries: TestEntry[]): Promise<void> {
      server.app.live.published(bill.id, await appendEntries(server.app.storage.db, bill.id, entries));
    }

    it('LIVE7 a burst of votes on one target gives at most two tally messages in any second, cursors never go back, and the final tally comes last', async () => {
      const bill = await createBill(admin);
      const client = await subscribed(bill);
      const values = ['agree', 'agree', 'disagree', 'mixed'] as const;
      for (let index = 0; index < 48; index += 1) {
        await publish(bill, [voteEntry(article('a1'), values[index % 4] as (typeof values)[number])]);
        await sleep(50);
      }
      await waitFor(() => expect(client.tallies(bill.id).at(-1)?.event.tally).toEqual({ agree: 24, mixed: 12, disagree: 12, total: 48 }), 5_000);
      await sleep(1_500); // nothing else comes
      const tallies = client.tallies(bill.id);
      expect(client.of(bill.id)).toEqual(tallies); // no vote streamed one by one
      expect(tallies.at(-1)?.event.tally.total).toBe(48);
      expect(tallies.at(-1)?.cursor).toBe(49);
      expect(tallies.every((message) => message.event.target.id === 'a1')).toBe(true);
      const times = client.arrivals;
      for (const [index, time] of times.entries()) expect(times.filter((other, at) => at >= index && other < time + 1_000).length).toBeLessThanOrEqual(2);
      const cursors = tallies.map((message) => message.cursor);
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
      expect(tallies.length).toBeGreaterThanOrEqual(2); // throttled, not withheld until the end
    });

    it('LIVE8 an entry that follows votes comes after their tally, and every message’s cursor is a safe resume point', async () => {
      const bill = await createBill(admin);
      const client = await subscribed(bill);
      await publish(bill, [voteEntry(article('a1'), 'agree'), voteEntry(article('a2'), 'mixed'), voteEntry(article('a1'), 'disagree'), ...testEntries(1)]);
      await waitFor(() => expect(client.of(bill.id)).toHaveLength(3), 5_000);
      const [first, second, event] = client.of(bill.id);
      const tallies = [first?.event, second?.event].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(tallies).toEqual([
        { type: 'vote.tally', target: article('a1'), tally: { agree: 1, mixed: 0, disagree: 1, total: 2 } },
        { type: 'vote.tally', target: article('a2'), tally: { agree: 0, mixed: 1, disagree: 0, total: 1 } },
      ]);
      // Whichever tally comes first, the other target's vote (entry 2 or 3) is not reflected yet: its cursor stops before.
      expect(first?.cursor).toBeLessThan(3);
      expect([second?.cursor, event?.cursor]).toEqual([4, 5]);
      expect(event?.event).toMatchObject({ seq: 5, type: 'test.noted' });
    });

    it('LIVE7 a replay turns the votes of its gap into one current tally per target, before the entries that follow them', async () => {
      const bill = await createBill(admin);
      const votes = Array.from({ length: 30 }, (_, index) => voteEntry(article(index % 3 === 0 ? 'a2' : 'a1'), index % 2 === 0 ? 'agree' : 'disagree'));
      await appendEntries(server.app.storage.db, bill.id, [...votes, ...testEntries(1), voteEntry(article('a3'), 'mixed')]); // entries 2..33
      const client = await subscribed(bill, 1);
      await waitFor(() => expect(client.of(bill.id)).toHaveLength(4), 5_000);
      await sleep(1_300);
      expect(client.of(bill.id).map((message) => [message.cursor, message.event.type, 'target' in message.event ? message.event.target.id : null])).toEqual([
        [2, 'vote.tally', 'a2'], // a2's first vote is entry 2, a1's entry 3: a1 still owed after a2's tally
        [31, 'vote.tally', 'a1'],
        [32, 'test.noted', null],
        [33, 'vote.tally', 'a3'],
      ]);
      expect(client.tallies(bill.id).map((message) => message.event.tally.total)).toEqual([10, 20, 1]);
    });
  });
});
