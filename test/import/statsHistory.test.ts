/**
 * STAT3 / HIST6 over real HTTP: La Fabrique's statistics and article histories of imported bills equal
 * its published figures (`viz/procedure.json` → stats, `viz/articles_etapes.json`). pjl15-034 is posted
 * as a bundle whose `stats` were falsified (they must be recomputed, never copied); pjl07-405 is imported
 * by URL from a local HTTP server with La Fabrique's API layout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { ArticleGrid, ArticleHistory, BillStats } from '../../shared/api/history.ts';
import { billPoolStats } from '../../server/modules/history/index.ts';
import { expectProblem } from '../helpers/apiFixtures.ts';
import { type ImportServer, importOk, startImportServer } from '../helpers/importServer.ts';
import {
  alineasOf,
  billDirectory,
  missingBillReason,
  type RawArticlesEtapes,
  type RawProcedure,
  type RawText,
  readBillBundle,
  readBillFile,
  serveDirectory,
  textPath,
} from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const BILLS = ['pjl15-034', 'pjl07-405'] as const;
const reasons = new Map(BILLS.map((bill) => [bill, missingBillReason(bill)]));
for (const reason of reasons.values()) if (reason) console.warn(reason);

/** Imports the bill the way this suite exercises for it; resolves to its id. */
async function importBill(ctx: ImportServer, bill: (typeof BILLS)[number]): Promise<string> {
  if (bill === 'pjl15-034') {
    const files = await readBillBundle(bill);
    const procedure = files['viz/procedure.json'] as RawProcedure;
    // Falsified figures: the endpoint must recompute, so none of these may come back.
    files['viz/procedure.json'] = { ...procedure, stats: { total_amendements: 1, ratio_texte_modif: 0.5, bogus_field: 7 } };
    return (await importOk(ctx.admin, { files }, 201)).billId;
  }
  const site = await serveDirectory(billDirectory(bill));
  try {
    return (await importOk(ctx.admin, { url: site.url }, 201)).billId;
  } finally {
    await site.close();
  }
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`STAT3 HIST6 imported bills on ${targetTitle(target)}`, () => {
    let ctx: ImportServer;
    beforeAll(async () => {
      ctx = await startImportServer(target);
    });
    afterAll(() => ctx?.stop());

    for (const bill of BILLS) {
      const reason = reasons.get(bill) ?? null;
      describe.skipIf(reason !== null)(`${bill}${reason ? ` (${reason})` : ''}`, () => {
        const expectedStats = reason ? {} : readBillFile<RawProcedure>(bill, 'viz/procedure.json').stats;
        const etapes = reason ? {} : readBillFile<RawArticlesEtapes>(bill, 'viz/articles_etapes.json').articles;
        const articleKeys = Object.keys(etapes).filter((key) => key !== 'echec');
        const texts = new Map<string, RawText>();
        const textOf = (directory: string) => {
          if (!texts.has(directory)) texts.set(directory, readBillFile<RawText>(bill, textPath(directory)));
          return texts.get(directory) as RawText;
        };
        let billId: string;
        let steps: Map<string, { stepId: string; versionId: string | null }>;

        beforeAll(async () => {
          billId = await importBill(ctx, bill);
          const response = await ctx.admin.get<Bill>(`/bills/${billId}`);
          expect(response.status).toBe(200);
          steps = new Map(response.body.steps.map((step) => [step.key, { stepId: step.id, versionId: step.versionId }]));
        });

        it(`STAT4 ${bill}: the statistics are computed on the bill worker while the server answers other requests, once per revision`, async () => {
          const before = billPoolStats().done;
          let answered = false;
          const computing = ctx.anonymous.get<BillStats>(`/bills/${billId}/stats`).finally(() => (answered = true));
          await expect.poll(() => billPoolStats().running > 0 || answered, { timeout: 60_000, interval: 5 }).toBe(true);
          // The main thread is free: a request made while the worker computes is answered.
          if (!answered) expect((await fetch(`${ctx.server.url}/health`)).status).toBe(200);
          expect((await computing).status).toBe(200);
          expect(billPoolStats().done).toBe(before + 1);
          const again = await ctx.anonymous.get<BillStats>(`/bills/${billId}/stats`);
          expect(again.body).toEqual((await computing).body);
          expect(billPoolStats().done).toBe(before + 1);
        });

        it(`STAT3 ${bill}: GET /stats gives every field of viz/procedure.json stats, and no other, with its value`, async () => {
          const response = await ctx.anonymous.get<BillStats>(`/bills/${billId}/stats`);
          expect(response.status).toBe(200);
          expect(response.body.billId).toBe(billId);
          const actual = response.body.lafabrique;
          expect(Object.keys(actual).sort()).toEqual(Object.keys(expectedStats).sort());
          const mismatches = Object.entries(expectedStats).flatMap(([key, want]) => {
            const got = actual[key];
            const same =
              typeof want === 'number' && !Number.isInteger(want) ? typeof got === 'number' && Math.abs(got - want) <= 1e-9 : got === want;
            return same ? [] : [{ key, want, got }];
          });
          expect(mismatches).toEqual([]);
        });

        it(`HIST6 ${bill}: viz/articles_etapes.json lists the articles checked one by one below`, () => {
          expect(articleKeys.length).toBe(bill === 'pjl15-034' ? 11 : 30);
        });

        it(`HIST8 ${bill}: GET /articles/grid gives every article of articles_etapes.json in its order, each cell equal`, async () => {
          const response = await ctx.anonymous.get<ArticleGrid>(`/bills/${billId}/articles/grid`);
          expect(response.status).toBe(200);
          const grid = response.body;
          const byOrder = articleKeys.map((key) => etapes[key]!).sort((a, b) => a.order - b.order);
          expect(grid.articles.map((article) => [article.number, article.order, article.section])).toEqual(
            byOrder.map((want) => [want.titre, want.order, want.section]),
          );
          for (const [i, want] of byOrder.entries()) {
            const cells = grid.articles[i]!.cells;
            expect(cells.map((cell) => [cell.stepKey, cell.status, cell.diff, cell.length, cell.newNumber]), want.titre).toEqual(
              want.steps.map((entry) => [entry.id_step, entry.status, entry.diff ?? null, entry.length, entry.newnum ?? null]),
            );
            cells.forEach((cell, k) => expect(cell.nDiff, `${want.titre} at ${cell.stepKey}`).toBeCloseTo(want.steps[k]!.n_diff, 3));
          }
          // Columns: every step an article or a failure was seen at, each once, with its version.
          const used = new Set([...Object.values(etapes)].flatMap((article) => article.steps.map((entry) => entry.id_step)));
          expect(new Set(grid.steps.map((column) => column.stepKey))).toEqual(used);
          expect(grid.steps).toHaveLength(used.size);
          for (const column of grid.steps) expect({ stepId: column.stepId, versionId: column.versionId }).toEqual(steps.get(column.stepKey));
          const failures = (etapes.echec?.steps ?? []).map((entry) => entry.id_step);
          expect(grid.steps.filter((column) => column.echec !== null).map((column) => column.stepKey)).toEqual(failures);
        });

        it(`HIST6 ${bill}: an article the bill never had (or its id spelled with "_", or the echec pseudo-article) is 404`, async () => {
          for (const number of ['99 octies', '1er_A', 'echec', 'échec']) {
            const response = await ctx.anonymous.get(`/bills/${billId}/articles/${encodeURIComponent(number)}/history`);
            expectProblem(response, 404, 'article_not_found');
          }
        });

        it.each(articleKeys)(`HIST6 ${bill}: article %s at every step equals articles_etapes.json and the step's text`, async (key) => {
          const want = etapes[key]!;
          const response = await ctx.anonymous.get<ArticleHistory>(`/bills/${billId}/articles/${encodeURIComponent(want.titre)}/history`);
          expect(response.status, JSON.stringify(response.body)).toBe(200);
          const got = response.body;
          expect({ billId: got.billId, number: got.number, order: got.order, section: got.section }).toEqual({
            billId,
            number: want.titre,
            order: want.order,
            section: want.section,
          });
          expect(got.steps.map((s) => s.stepKey)).toEqual(want.steps.map((s) => s.id_step));
          want.steps.forEach((expected, i) => {
            const step = got.steps[i]!;
            const where = `${want.titre} at ${expected.id_step}`;
            expect({ status: step.status, length: step.length, diff: step.diff, newNumber: step.newNumber }, where).toEqual({
              status: expected.status,
              length: expected.length,
              diff: expected.diff ?? null,
              newNumber: expected.newnum ?? null,
            });
            expect(step.nDiff, where).toBeCloseTo(expected.n_diff, 3);
            expect({ stepId: step.stepId, versionId: step.versionId }, where).toEqual(steps.get(expected.id_step));
            if (expected.status === 'sup') {
              expect(step.alineas, where).toBeNull();
            } else {
              const article = textOf(expected.id_step).articles.find((a) => a.titre === want.titre);
              expect(article, where).toBeDefined();
              expect(step.alineas, where).toEqual(alineasOf(article!));
            }
          });
        });
      });
    }
  });
}
