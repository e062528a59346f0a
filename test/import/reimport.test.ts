/**
 * IMP2 / LEDGER1 over real HTTP: importing pjl15-034 again (as a bundle, then by URL from a local server
 * with La Fabrique's API layout) updates it in place, keeping every id; a modified source changes exactly
 * what was modified; each import is one entry of an intact ledger.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, Version } from '../../shared/api/bills.ts';
import type { BillStats } from '../../shared/api/history.ts';
import { amendments } from '../../server/storage/schema.ts';
import { type ImportAnswer, type ImportServer, importOk, ledgerOf, startImportServer, verifyLedger, versionOf } from '../helpers/importServer.ts';
import {
  billDirectory,
  cloneBundle,
  missingBillReason,
  type RawAmendments,
  type RawText,
  readBillBundle,
  serveDirectory,
  type StaticServer,
  textPath,
} from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const BILL = 'pjl15-034';
const CHANGED_STEP = '04_1erelecture_senat_commission';
const AMENDMENTS_STEP = '05_1erelecture_senat_hemicycle';
const NEW_ALINEA = 'Alinéa réécrit pour vérifier la mise à jour en place.';
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

/** Everything an import writes that others may link to, as the API and the store give it. */
interface Snapshot {
  steps: Bill['steps'];
  versions: Version[];
  amendments: (typeof amendments.$inferSelect)[];
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null || reason !== null)(`IMP2 LEDGER1 re-importing ${BILL} on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    let ctx: ImportServer;
    let site: StaticServer;
    let files: Record<string, unknown>;
    let first: ImportAnswer;
    let before: Snapshot;

    const snapshot = async (billId: string): Promise<Snapshot> => {
      const bill = await ctx.anonymous.get<Bill>(`/bills/${billId}`);
      expect(bill.status).toBe(200);
      const versions: Version[] = [];
      for (const step of bill.body.steps) if (step.versionId) versions.push(await versionOf(ctx.anonymous, billId, step.versionId));
      const rows = await ctx.server.app.storage.db.select().from(amendments).where(eq(amendments.billId, billId)).orderBy(asc(amendments.id));
      return { steps: bill.body.steps, versions, amendments: rows };
    };

    beforeAll(async () => {
      ctx = await startImportServer(target);
      site = await serveDirectory(billDirectory(BILL));
      files = await readBillBundle(BILL);
      first = await importOk(ctx.admin, { files }, 201);
      before = await snapshot(first.billId);
    });
    afterAll(async () => {
      await site?.close();
      await ctx?.stop();
    });

    it('IMP2 the same bundle again answers 200, created false, and changes no id nor any content', async () => {
      const again = await importOk(ctx.admin, { files }, 200);
      expect(again).toEqual({ ...first, created: false });
      expect(await snapshot(first.billId)).toEqual(before);
      expect(before.amendments).toHaveLength(117);
      expect(new Set(before.versions.flatMap((v) => v.articles.map((a) => a.articleId))).size).toBe(11);
    });

    it('IMP2 the same bill by URL, over HTTP with La Fabrique’s API layout, is also an update in place', async () => {
      const byUrl = await importOk(ctx.admin, { url: site.url }, 200);
      expect(byUrl).toEqual({ ...first, created: false });
      expect(await snapshot(first.billId)).toEqual(before);
      // Every file was fetched from the local server, including the step directories with accents.
      expect(site.requests).toEqual(expect.arrayContaining(['viz/procedure.json', 'viz/interventions.json', textPath(CHANGED_STEP)]));
      expect(site.requests.filter((r) => r.startsWith('procedure/'))).toHaveLength(10);
    });

    it('LEDGER1 the ledger has bill.imported then one bill.reimported per re-import, with the actor, and verifies', async () => {
      const me = await ctx.admin.get<{ id: string }>('/me');
      const events = await ledgerOf(ctx.anonymous, first.billId);
      expect(events.map((e) => [e.seq, e.type, e.actorId])).toEqual([
        [1, 'bill.imported', me.body.id],
        [2, 'bill.reimported', me.body.id],
        [3, 'bill.reimported', me.body.id],
      ]);
      expect(events.map((e) => [e.payload.sourceRef, e.payload.url])).toEqual([
        [BILL, null],
        [BILL, null],
        [BILL, site.url],
      ]);
      expect(events[2]!.payload.versions).toEqual(first.summary.versions);
      expect(await verifyLedger(ctx.anonymous, first.billId)).toMatchObject({ ok: true, count: 3 });
    });

    it('IMP2 a source with one alinéa changed and one amendment removed updates exactly that', async () => {
      const modified = cloneBundle(files);
      const text = modified[textPath(CHANGED_STEP)] as RawText;
      const article = text.articles.find((a) => a.titre === '2')!;
      const firstKey = Object.keys(article.alineas).sort()[0]!;
      expect(article.alineas[firstKey]).not.toBe(NEW_ALINEA);
      article.alineas[firstKey] = NEW_ALINEA;
      const amendmentFile = modified[`viz/amendements_${AMENDMENTS_STEP}.json`] as RawAmendments;
      const [subject] = Object.values(amendmentFile.sujets);
      const removed = subject!.amendements.shift()!;

      const update = await importOk(ctx.admin, { files: modified }, 200);
      expect(update.billId).toBe(first.billId);
      expect(update.summary.amendments).toBe(116);
      const after = await snapshot(first.billId);
      expect(after.steps).toEqual(before.steps);

      const changedVersion = before.versions.findIndex((v) => v.stepKey === CHANGED_STEP);
      const expected = structuredClone(before.versions);
      const target2 = expected[changedVersion]!.articles.find((a) => a.number === '2')!;
      target2.alineas[0] = NEW_ALINEA;
      expect(after.versions).toEqual(expected);
      // Only that version's digest changed in the ledger's record of the import.
      expect(update.summary.versions.filter((v, i) => v.digest !== first.summary.versions[i]!.digest).map((v) => v.stepKey)).toEqual([CHANGED_STEP]);

      const gone = before.amendments.filter((a) => !after.amendments.some((b) => b.id === a.id));
      expect(gone.map((a) => [a.number, a.authorName])).toEqual([[removed.numero, removed.aut]]);
      expect(after.amendments).toEqual(before.amendments.filter((a) => a.id !== gone[0]!.id));

      const stats = await ctx.anonymous.get<BillStats>(`/bills/${first.billId}/stats`);
      expect(stats.status).toBe(200);
      expect(stats.body.lafabrique.total_amendements).toBe(116);
      const events = await ledgerOf(ctx.anonymous, first.billId);
      expect(events.map((e) => e.type)).toEqual(['bill.imported', 'bill.reimported', 'bill.reimported', 'bill.reimported']);
      expect(await verifyLedger(ctx.anonymous, first.billId)).toMatchObject({ ok: true, count: 4 });
    });
  });
}
