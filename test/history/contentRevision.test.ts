/**
 * STAT4 over real HTTP: figures computed from a bill's content are cached per content revision, which votes (most
 * of a consulted bill's entries, changing tallies only) do not move; any other change does.
 */
import { expect, it } from 'vitest';
import type { BillStats } from '../../shared/api/history.ts';
import { billPoolStats } from '../../server/modules/history/index.ts';
import { signUp } from '../helpers/apiFixtures.ts';
import { depositedAmendment } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';

describeDeliberation('STAT4 content revision', {}, (suite) => {
  it('STAT4 votes leave the statistics cached; a deposited amendment has them computed again, counted', async () => {
    const world = await suite.newWorld();
    const statsPath = `/bills/${world.bill.id}/stats`;
    const first = await suite.anonymous.get<BillStats>(statsPath);
    expect(first.status).toBe(200);
    const computed = billPoolStats().done;

    const voters = await Promise.all([0, 1, 2].map(() => signUp(suite.server.url)));
    for (const [i, { client }] of voters.entries()) {
      const vote = await client.put(`/bills/${world.bill.id}/votes/article/${world.first}`, { value: ['agree', 'mixed', 'disagree'][i] });
      expect(vote.status).toBe(200);
    }
    const afterVotes = await suite.anonymous.get<BillStats>(statsPath);
    expect(afterVotes.body).toEqual(first.body);
    expect(billPoolStats().done).toBe(computed);

    await depositedAmendment(world.citizen, world.bill.id, world.first);
    const afterDeposit = await suite.anonymous.get<BillStats>(statsPath);
    expect(billPoolStats().done).toBe(computed + 1);
    expect(afterDeposit.body.lafabrique.total_amendements).toBe(Number(first.body.lafabrique.total_amendements ?? 0) + 1);
  });
});
