/**
 * BILL1–BILL3, BILL5, IMP1, IMP6, DIFF3 over real HTTP on pjl15-034 imported through `POST /imports`: the
 * listing, the timeline of steps, the versions and their full text equal La Fabrique's files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill, BillSummary, VersionSummary } from '../../shared/api/bills.ts';
import type { VersionDiff } from '../../shared/api/history.ts';
import { loadBillContent } from '../../server/modules/bills/index.ts';
import { createBill, expectProblem } from '../helpers/apiFixtures.ts';
import { type ImportAnswer, type ImportServer, importOk, startImportServer, versionOf } from '../helpers/importServer.ts';
import {
  alineasOf,
  missingBillReason,
  type RawAmendments,
  type RawArticle,
  type RawProcedure,
  type RawText,
  readBillBundle,
  readBillFile,
  textDirectories,
  textPath,
} from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';

const BILL = 'pjl15-034';
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

const textOf = (directory: string) => readBillFile<RawText>(BILL, textPath(directory));

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null || reason !== null)(`BILL1 BILL2 BILL3 BILL5 IMP1 IMP6 DIFF3 ${BILL} imported on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    let ctx: ImportServer;
    let other: string;
    let answer: ImportAnswer;
    let billId: string;
    let procedure: RawProcedure;
    let withText: string[];

    beforeAll(async () => {
      ctx = await startImportServer(target);
      procedure = readBillFile<RawProcedure>(BILL, 'viz/procedure.json');
      withText = textDirectories(BILL);
      // Another bill, created before the import, so listings and searches have something to leave out.
      other = (await createBill(ctx.admin, { title: 'Projet de loi relatif aux essais de filtrage', shortTitle: 'Essais', sourceRef: 'manual-001' })).id;
      answer = await importOk(ctx.admin, { files: await readBillBundle(BILL) }, 201);
      billId = answer.billId;
    });
    afterAll(() => ctx?.stop());

    it('IMP1 IMP5 a new bill answers 201 with its source reference and a summary of what was written', () => {
      const articles = withText.reduce((sum, directory) => sum + textOf(directory).articles.length, 0);
      expect(answer).toMatchObject({ sourceRef: BILL, created: true, summary: { steps: 10, articles, amendments: 117 } });
      expect(answer.summary.versions.map((v) => v.stepKey)).toEqual(withText);
    });

    it('BILL1 lists bills most recently updated first, with source reference, version count and last step; q filters', async () => {
      const list = await ctx.anonymous.get<{ bills: BillSummary[]; total: number }>('/bills');
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(2);
      expect(list.body.bills.map((b) => b.id)).toEqual([billId, other]);
      expect(list.body.bills[0]).toMatchObject({
        sourceRef: BILL,
        title: procedure.long_title,
        shortTitle: procedure.short_title,
        loiDite: 'loi Valter',
        beginning: '2015-07-31',
        end: '2015-12-29',
        versionCount: 9,
        lastStep: { stage: 'promulgation', institution: 'gouvernement', kind: null, date: '2015-12-29' },
      });
      const search = async (query: string) => {
        const response = await ctx.anonymous.get<{ bills: BillSummary[]; total: number }>(`/bills?${query}`);
        expect(response.status).toBe(200);
        return [response.body.total, response.body.bills.map((b) => b.id)];
      };
      expect(await search('q=pjl15')).toEqual([1, [billId]]);
      expect(await search('q=PJL15-03')).toEqual([1, [billId]]);
      expect(await search('q=Valter')).toEqual([1, [billId]]);
      expect(await search('q=filtrage')).toEqual([1, [other]]);
      expect(await search('q=pjl07')).toEqual([0, []]);
      expect(await search('limit=1&offset=1')).toEqual([2, [other]]);
    });

    it('BILL2 IMP1 the timeline has the 10 steps in order, a version exactly where a text exists, and unmodelled fields as metadata', async () => {
      const response = await ctx.anonymous.get<Bill>(`/bills/${billId}`);
      expect(response.status).toBe(200);
      const bill = response.body;
      expect(bill.steps.map((s) => s.key)).toEqual(procedure.steps.map((s) => s.directory));
      bill.steps.forEach((step, position) => {
        const raw = procedure.steps[position]!;
        expect(step, raw.directory).toMatchObject({
          position,
          stage: raw.stage,
          institution: raw.institution,
          kind: raw.step ?? null,
          date: raw.date ?? null,
          endDate: raw.enddate ?? null,
          echec: raw.echec ?? null,
          decision: raw.decision ?? null,
          debatsOrder: raw.debats_order ?? null,
          amendmentCount: (raw as { nb_amendements?: number }).nb_amendements ?? null,
        });
        expect(step.versionId !== null, raw.directory).toBe(withText.includes(raw.directory));
      });
      expect(bill.steps.filter((s) => s.versionId !== null).map((s) => s.versionId)).toEqual(answer.summary.versions.map((v) => v.id));
      const { id, long_title, short_title, law_name, loi_dite, proposal_type, beginning, end, urgence, steps, stats, ...unmodelled } = procedure;
      expect(bill.metadata).toEqual(unmodelled);
      expect(bill.metadata).toHaveProperty('url_dossier_senat');
      expect(bill.rapporteurs).toEqual([]);
    });

    it('BILL3 lists the versions in step order with their title and article count', async () => {
      const response = await ctx.anonymous.get<{ versions: VersionSummary[] }>(`/bills/${billId}/versions`);
      expect(response.status).toBe(200);
      expect(response.body.versions.map((v) => [v.id, v.stepKey, v.title, v.articleCount])).toEqual(
        answer.summary.versions.map((v) => [v.id, v.stepKey, textOf(v.stepKey).titre, textOf(v.stepKey).articles.length]),
      );
    });

    it('BILL3 each version gives sections, and articles in order with status, alinéas in key order and final number', async () => {
      for (const { id, stepKey } of answer.summary.versions) {
        const version = await versionOf(ctx.anonymous, billId, id);
        const raw = textOf(stepKey);
        expect(version.stepKey).toBe(stepKey);
        expect(version.sections).toEqual(raw.sections.map((s) => ({ key: s.id, title: s.titre, type: s.type_section, newKey: s.newid ?? null })));
        const expected = [...raw.articles]
          .sort((a, b) => a.order - b.order)
          .map((a, position) => ({ number: a.titre, position, sectionKey: a.section ?? null, status: a.statut ?? null, alineas: alineasOf(a), newNumber: a.newtitre ?? null }));
        expect(version.articles.map(({ articleId: _id, ...article }) => article), stepKey).toEqual(expected);
      }
    });

    it('BILL3 an article keeps the same articleId in every version, and different articles have different ids', async () => {
      const idOf = new Map<string, string>();
      let seen = 0;
      for (const { id } of answer.summary.versions) {
        for (const article of (await versionOf(ctx.anonymous, billId, id)).articles) {
          seen += 1;
          expect(article.articleId, article.number).toBe(idOf.get(article.number) ?? article.articleId);
          idOf.set(article.number, article.articleId);
        }
      }
      expect(seen).toBe(answer.summary.articles);
      expect([...idOf.keys()].sort()).toEqual(['1er', '1er A', '1er B', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(new Set(idOf.values()).size).toBe(11);
    });

    it('BILL5 an unknown version or bill answers 404', async () => {
      expectProblem(await ctx.anonymous.get(`/bills/${billId}/versions/00000000-0000-0000-0000-000000000000`), 404, 'version_not_found');
      const [version] = answer.summary.versions;
      expectProblem(await ctx.anonymous.get(`/bills/${other}/versions/${version!.id}`), 404, 'version_not_found');
      expectProblem(await ctx.anonymous.get(`/bills/no-such-bill/versions/${version!.id}`), 404, 'bill_not_found');
      expectProblem(await ctx.anonymous.get('/bills/no-such-bill'), 404, 'bill_not_found');
    });

    it('DIFF3 from the dépôt to the last version: consistent statuses, and the parts rebuild both texts of every article', async () => {
      const versions = answer.summary.versions;
      const [first, last] = [versions[0]!, versions.at(-1)!];
      const response = await ctx.anonymous.get<VersionDiff>(`/bills/${billId}/diff?from=${first.id}&to=${last.id}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const diff = response.body;
      expect([diff.from, diff.to]).toEqual([first.id, last.id]);
      const textsOf = (stepKey: string) => new Map(textOf(stepKey).articles.map((a) => [a.titre, a]));
      const [before, after] = [textsOf(first.stepKey), textsOf(last.stepKey)];
      const joined = (a: RawArticle | undefined) => (a && !/^supprim/i.test(a.statut ?? '') ? alineasOf(a).join('\n') : '');
      expect(diff.articles.map((a) => a.number)).toEqual([...after.keys()]);
      for (const article of diff.articles) {
        const [old, now] = [before.get(article.number), after.get(article.number)];
        const [oldText, newText] = [joined(old), joined(now)];
        const status = !old ? 'new' : !now ? 'deleted' : oldText !== newText ? 'modified' : (old.newtitre ?? old.titre) !== (now.newtitre ?? now.titre) ? 'renumbered' : 'unchanged';
        expect({ status: article.status, from: article.fromNumber, to: article.toNumber }, article.number).toEqual({
          status,
          from: old ? (old.newtitre ?? old.titre) : null,
          to: now ? (now.newtitre ?? now.titre) : null,
        });
        const side = (skip: string) => article.parts.filter((p) => p.op !== skip).map((p) => p.text).join('');
        expect(side('insert'), article.number).toBe(oldText);
        expect(side('delete'), article.number).toBe(newText);
      }
      expect(diff.counts).toEqual({ new: 2, modified: 9, unchanged: 0, deleted: 0, renumbered: 0 });
      expect(diff.articles.filter((a) => a.status === 'new').map((a) => [a.number, a.toNumber])).toEqual([['1er A', '1er'], ['1er B', '2']]);
    });

    it('IMP6 amendments keep number, author, group, outcome, step, subject and target article', async () => {
      const { amendments } = await loadBillContent(ctx.server.app.storage.db, billId);
      const byStatus = (status: string) => amendments.filter((a) => a.status === status).length;
      expect([amendments.length, byStatus('adopted'), byStatus('rejected'), byStatus('not_voted')]).toEqual([117, 53, 32, 32]);
      const stepKey = '01_1erelecture_assemblee_commission';
      const file = readBillFile<RawAmendments>(BILL, `viz/amendements_${stepKey}.json`);
      expect(amendments.filter((a) => a.stepKey === stepKey)).toHaveLength(Object.values(file.sujets).flatMap((s) => s.amendements).length);
      const [subject, { amendements }] = Object.entries(file.sujets).find(([title]) => title.startsWith('Article '))!;
      const known = amendements[0]!;
      const stored = amendments.filter((a) => a.stepKey === stepKey && a.number === known.numero);
      expect(stored).toHaveLength(1);
      const status = { adopté: 'adopted', rejeté: 'rejected', 'non-voté': 'not_voted' }[known.sort];
      expect(stored[0]).toMatchObject({
        authorName: known.aut,
        groupCode: known.groupe,
        status,
        subject,
        articleNumber: subject.slice('Article '.length).trim(),
      });
      // "Après l'article 4" proposes a new article: it targets none.
      expect(amendments.filter((a) => a.subject.startsWith('Après')).every((a) => a.articleNumber === null)).toBe(true);
    });
  });
}
