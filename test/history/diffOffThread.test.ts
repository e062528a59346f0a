/**
 * DIFF2 and DIFF5 over real HTTP: the diff of two unrelated texts of 200 KB answers with the coarse fallback, computed
 * on a diff worker while the server (in this very process) goes on answering other requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionDiff } from '../../shared/api/history.ts';
import { sideOf } from '../../shared/text/wordDiff.ts';
import { diffPoolStats } from '../../server/modules/history/index.ts';
import type { ImportAnswer, ImportServer } from '../helpers/importServer.ts';
import { startImportServer } from '../helpers/importServer.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { unrelatedAlineas } from './generatedBill.ts';
import { importHistory } from './historyBundle.ts';

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`DIFF5 diffs off the main thread on ${targetTitle(target)}`, () => {
    let ctx: ImportServer;
    let imported: ImportAnswer;
    const [before, after] = [unrelatedAlineas(1, 200_000), unrelatedAlineas(2, 200_000)];

    beforeAll(async () => {
      ctx = await startImportServer(target);
      imported = await importHistory(ctx.admin, 'essai-sans-rapport', [
        [{ number: '1er', alineas: ['Article premier.', ...before] }],
        [{ number: '1er', alineas: ['Article premier.', ...after] }],
      ]);
    });
    afterAll(() => ctx?.stop());

    it('DIFF2 DIFF5 two unrelated 200 KB texts: the coarse fallback, computed on a worker while other requests are answered', async () => {
      const [from, to] = [imported.summary.versions[0]!, imported.summary.versions[1]!];
      const doneBefore = diffPoolStats().done + diffPoolStats().cutOff;
      // This process's event loop (the server's too): the longest gap between two ticks of a 20 ms timer.
      let longestStall = 0;
      let lastTick = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longestStall = Math.max(longestStall, now - lastTick);
        lastTick = now;
      }, 20);
      let diffAnswered = false;
      const healthWhileDiffing: boolean[] = [];
      const started = performance.now();
      try {
        const diffing = ctx.anonymous.get<VersionDiff>(`/bills/${imported.billId}/diff?from=${from.id}&to=${to.id}`).finally(() => (diffAnswered = true));
        // Once a worker holds the job, another request is answered before the diff is.
        await expect.poll(() => diffPoolStats().running > 0 || diffAnswered, { timeout: 60_000, interval: 5 }).toBe(true);
        while (!diffAnswered && healthWhileDiffing.length < 50) {
          const health = await fetch(`${ctx.server.url}/health`);
          healthWhileDiffing.push(health.ok && !diffAnswered);
        }
        const response = await diffing;
        const elapsed = performance.now() - started;
        expect(response.status).toBe(200);
        const [article] = response.body.articles;
        expect(article?.status).toBe('modified');
        const parts = article?.parts ?? [];
        expect(sideOf(parts, 'before')).toBe(['Article premier.', ...before].join('\n'));
        expect(sideOf(parts, 'after')).toBe(['Article premier.', ...after].join('\n'));
        // Coarse: the common start kept, then all the rest deleted and inserted in one piece each.
        expect(parts[0]?.op).toBe('equal');
        expect(parts[0]?.text.startsWith('Article premier.\n')).toBe(true);
        expect(parts.filter((part) => part.op !== 'equal').map((part) => part.op)).toEqual(['delete', 'insert']);
        expect(diffPoolStats().done + diffPoolStats().cutOff).toBeGreaterThan(doneBefore);
        expect(healthWhileDiffing).toContain(true);
        // A diff on the main thread would stall the loop for about its whole budget; the worker leaves only small gaps.
        expect(longestStall).toBeLessThan(elapsed / 2);
      } finally {
        clearInterval(ticker);
      }
    });
  });
}
