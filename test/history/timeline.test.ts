/**
 * TIME over real HTTP: `GET /bills/:id/timeline` and `GET /bills/:id/amendments/summary` for the real bills
 * pjl15-034 and pjl07-405 imported through the API equal La Fabrique's files (viz/procedure.json steps and stats,
 * viz/amendements_<step>.json counts by sort, groupe and sujet), read at run time; and a live bill, whose amendments
 * citizens, an organisation, a parliamentarian and the government deposit and its rapporteur decides, is counted by
 * status, origin and article.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bill } from '../../shared/api/bills.ts';
import type { AmendmentSummary, OutcomeCounts, Timeline } from '../../shared/api/timeline.ts';
import { expectProblem, makeParliamentarian, signUp } from '../helpers/apiFixtures.ts';
import { actOnAmendment, proposeAmendment, quoteAnchor, signUpOrganisation } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import { type ImportServer, importOk, startImportServer } from '../helpers/importServer.ts';
import {
  billDirectory,
  missingBillReason,
  type RawProcedure,
  type RawStep,
  type RawText,
  readBillFile,
  serveDirectory,
  textDirectories,
  textPath,
} from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import type { ApiClient } from '../helpers/testServer.ts';

const BILLS = ['pjl15-034', 'pjl07-405'] as const;
type BillName = (typeof BILLS)[number];
const reasons = new Map(BILLS.map((bill) => [bill, missingBillReason(bill)]));
for (const reason of reasons.values()) if (reason) console.warn(reason);

/** The totals documented in the data README (§1, reference statistics), the only figures not read from the files. */
const DOCUMENTED: Record<BillName, { total: number; adopted: number; rejected: number; notVoted: number; assemblee: [number, number]; senat: [number, number]; government: [number, number] }> = {
  'pjl15-034': { total: 117, adopted: 53, rejected: 32, notVoted: 32, assemblee: [82, 37], senat: [35, 16], government: [15, 11] },
  'pjl07-405': { total: 898, adopted: 233, rejected: 408, notVoted: 257, assemblee: [713, 149], senat: [185, 84], government: [8, 8] },
};

/** `viz/amendements_<step>.json`, the fields compared here. */
interface AmendmentsFile {
  groupes: Record<string, { nom: string; color?: string | null; link?: string | null; order?: number | null }>;
  sujets: Record<string, { titre: string; order?: number | null; amendements: { numero: string; groupe?: string | null; sort: string }[] }>;
}

/** Counts by La Fabrique's sort, in our field names. */
interface SortCounts {
  tabled: number;
  adopted: number;
  rejected: number;
  notVoted: number;
}

const FIELD_OF_SORT: Record<string, keyof Omit<SortCounts, 'tabled'>> = { adopté: 'adopted', rejeté: 'rejected', 'non-voté': 'notVoted' };

function sortCounts(sorts: readonly string[]): SortCounts {
  const counts: SortCounts = { tabled: 0, adopted: 0, rejected: 0, notVoted: 0 };
  for (const sort of sorts) {
    counts.tabled += 1;
    counts[FIELD_OF_SORT[sort] ?? 'notVoted'] += 1;
  }
  return counts;
}

/** Our counts reduced to La Fabrique's: nothing pending, and imported amendments only know `not_voted`. */
function asSorts(counts: OutcomeCounts): SortCounts {
  expect(counts.pending).toBe(0);
  expect(counts.byStatus.not_voted).toBe(counts.notVoted);
  expect(counts.tabled).toBe(counts.adopted + counts.rejected + counts.notVoted);
  return { tabled: counts.tabled, adopted: counts.adopted, rejected: counts.rejected, notVoted: counts.notVoted };
}

/** Sort counts per key of a list of La Fabrique amendments. */
function countsBy<T>(items: readonly T[], keyOf: (item: T) => string | null, sortOf: (item: T) => string): Record<string, SortCounts> {
  const keys = [...new Set(items.map(keyOf))];
  return Object.fromEntries(keys.map((key) => [String(key), sortCounts(items.filter((item) => keyOf(item) === key).map(sortOf))]));
}

/** La Fabrique's amendment files of a bill, by step directory. */
function amendmentFiles(bill: BillName): Map<string, AmendmentsFile> {
  const files = readdirSync(path.join(billDirectory(bill), 'viz')).filter((name) => /^amendements_.+\.json$/.test(name));
  return new Map(files.map((name) => [name.replace(/^amendements_|\.json$/g, ''), readBillFile<AmendmentsFile>(bill, `viz/${name}`)]));
}

const amendmentsOf = (file: AmendmentsFile) =>
  Object.entries(file.sujets).flatMap(([sujet, { amendements }]) => amendements.map((a) => ({ sujet, groupe: a.groupe ?? null, sort: a.sort })));

/** First and last texts as La Fabrique's statistics pick them (data README §1), and the last before the Conseil constitutionnel. */
function endTexts(steps: readonly RawStep[]): { first: string; last: string; beforeCC: string } {
  const usable = steps.filter((s) => s.debats_order != null && !s.echec);
  const first = usable.find((s) => s.step === 'depot');
  const lasts = usable.filter((s) => s.step !== 'depot');
  const parliamentary = lasts.filter((s) => s.stage !== 'constitutionnalité');
  if (!first || !lasts.length || !parliamentary.length) throw new Error('no first or last text');
  return { first: first.directory, last: lasts.at(-1)!.directory, beforeCC: parliamentary.at(-1)!.directory };
}

async function getOk<T>(client: ApiClient, url: string): Promise<T> {
  const response = await client.get<T>(url);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function importByUrl(ctx: ImportServer, bill: BillName): Promise<string> {
  const site = await serveDirectory(billDirectory(bill));
  try {
    return (await importOk(ctx.admin, { url: site.url }, 201)).billId;
  } finally {
    await site.close();
  }
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`TIME imported bills on ${targetTitle(target)}`, () => {
    let ctx: ImportServer;
    beforeAll(async () => {
      ctx = await startImportServer(target);
    });
    afterAll(() => ctx?.stop());

    it('TIME1 TIME4 an unknown bill is a 404 problem on both endpoints', async () => {
      expectProblem(await ctx.anonymous.get('/bills/no-such-bill/timeline'), 404, 'bill_not_found');
      expectProblem(await ctx.anonymous.get('/bills/no-such-bill/amendments/summary'), 404, 'bill_not_found');
    });

    for (const bill of BILLS) {
      const reason = reasons.get(bill) ?? null;
      describe.skipIf(reason !== null)(`${bill}${reason ? ` (${reason})` : ''}`, () => {
        const procedure = reason ? ({ steps: [], stats: {} } as unknown as RawProcedure) : readBillFile<RawProcedure>(bill, 'viz/procedure.json');
        const stats = procedure.stats;
        const files = reason ? new Map<string, AmendmentsFile>() : amendmentFiles(bill);
        const withText = new Set(reason ? [] : textDirectories(bill));
        let billId: string;
        let timeline: Timeline;
        let summary: AmendmentSummary;
        let storedSteps: Bill['steps'];

        beforeAll(async () => {
          billId = await importByUrl(ctx, bill);
          timeline = await getOk<Timeline>(ctx.anonymous, `/bills/${billId}/timeline`);
          summary = await getOk<AmendmentSummary>(ctx.anonymous, `/bills/${billId}/amendments/summary`);
          storedSteps = (await getOk<Bill>(ctx.anonymous, `/bills/${billId}`)).steps;
        });

        it(`TIME1 ${bill}: the steps are procedure.json's, in order, with dates, outcome and nb_amendements`, () => {
          const raw = procedure.steps as (RawStep & { nb_amendements?: number | null })[];
          expect(timeline.billId).toBe(billId);
          expect(timeline.sourceRef).toBe(procedure.id);
          expect(timeline.steps.map((s) => s.key)).toEqual(raw.map((s) => s.directory));
          timeline.steps.forEach((step, i) => {
            const want = raw[i]!;
            expect(
              { stage: step.stage, institution: step.institution, kind: step.kind, date: step.date, endDate: step.endDate, echec: step.echec, decision: step.decision },
              want.directory,
            ).toEqual({
              stage: want.stage,
              institution: want.institution,
              kind: want.step || null,
              date: want.date ?? null,
              endDate: want.enddate ?? null,
              echec: want.echec ?? null,
              decision: want.decision ?? null,
            });
            expect(step.producesText, want.directory).toBe(want.debats_order != null);
            expect(step.amendments.declared, want.directory).toBe(want.nb_amendements ?? null);
            const outcome = want.echec
              ? 'failed'
              : want.decision
                ? 'decision'
                : want.stage === 'promulgation'
                  ? 'promulgated'
                  : want.debats_order != null
                    ? 'text'
                    : 'no_text';
            expect(step.outcome, want.directory).toBe(outcome);
            expect(step.current, want.directory).toBe(false);
            expect(step.id, want.directory).toBe(storedSteps[i]?.id);
          });
        });

        it(`TIME1 ${bill}: a step has a version exactly when procedure/<step>/ has a text, with that text's articles`, () => {
          for (const step of timeline.steps) {
            expect(step.version?.id ?? null, step.key).toBe(storedSteps.find((s) => s.key === step.key)?.versionId ?? null);
            expect(step.version !== null, step.key).toBe(withText.has(step.key));
            if (step.version) expect(step.version.articles, step.key).toBe(readBillFile<RawText>(bill, textPath(step.key)).articles.length);
          }
        });

        it(`TIME1 ${bill}: the first and last texts' articles, length and words equal La Fabrique's input / output statistics`, () => {
          const { first, last, beforeCC } = endTexts(procedure.steps);
          const version = (key: string) => timeline.steps.find((s) => s.key === key)?.version;
          expect(version(first)).toMatchObject({ articlesWithText: stats.total_input_articles, length: stats.input_text_length, words: stats.input_text_word_count });
          expect(version(last)).toMatchObject({ articlesWithText: stats.total_output_articles, length: stats.output_text_length, words: stats.output_text_word_count });
          if (stats.output_text_before_CC_length !== undefined) {
            expect(version(beforeCC)).toMatchObject({ length: stats.output_text_before_CC_length, words: stats.output_text_before_CC_word_count });
          }
        });

        it(`TIME2 ${bill}: readings, shuttles and overall figures equal procedure.json and its stats`, () => {
          expect(timeline.overall).toMatchObject({
            beginning: procedure.beginning,
            end: procedure.end,
            steps: procedure.steps.length,
            totalDays: stats.total_days,
            depotsInInstitutions: stats.depots_in_institutions,
            echecs: stats.echecs_procedure,
            textsProduced: stats.texts_produced,
          });
          expect(timeline.shuttles.map((s) => s.navette)).toEqual(Array.from({ length: Number(stats.depots_in_institutions) }, (_, i) => i + 1));
          expect(timeline.steps.at(-1)?.navette).toBe(stats.depots_in_institutions);
          // Readings are the runs of one stage, and cover every step once.
          const stages = procedure.steps.map((s) => s.stage).filter((stage, i, all) => stage !== all[i - 1]);
          expect(timeline.readings.map((r) => r.stage)).toEqual(stages);
          expect(timeline.readings.flatMap((r) => Array.from({ length: r.lastStep - r.firstStep + 1 }, (_, i) => r.firstStep + i))).toEqual(timeline.steps.map((_, i) => i));
          timeline.steps.forEach((step, i) => expect(timeline.readings[step.reading]?.firstStep).toBeLessThanOrEqual(i));
          const cmp = procedure.steps.filter((s) => s.stage === 'CMP');
          expect(timeline.overall.cmp).toBe(cmp.length === 0 ? 'none' : cmp.some((s) => s.echec) ? 'failed' : 'agreed');
          expect(timeline.readings.filter((r) => r.failed).map((r) => r.stage)).toEqual([...new Set(procedure.steps.filter((s) => s.echec).map((s) => s.stage))]);
        });

        it(`TIME3 ${bill}: each step's amendments, by outcome, equal its amendements file and nb_amendements`, () => {
          for (const step of timeline.steps) {
            const file = files.get(step.key);
            const want = file ? sortCounts(amendmentsOf(file).map((a) => a.sort)) : sortCounts([]);
            expect(asSorts(step.amendments), step.key).toEqual(want);
            if (step.amendments.declared !== null) expect(step.amendments.tabled, step.key).toBe(step.amendments.declared);
          }
          expect(asSorts(timeline.overall.amendments)).toEqual(sortCounts([...files.values()].flatMap((file) => amendmentsOf(file).map((a) => a.sort))));
        });

        it(`TIME4 ${bill}: per step, the counts by groupe and by sujet (with its order) equal the amendements files`, () => {
          const stepsWithAmendments = [...files].filter(([, file]) => amendmentsOf(file).length > 0).map(([key]) => key);
          expect(summary.steps.map((s) => s.stepKey).sort()).toEqual(stepsWithAmendments.sort());
          for (const step of summary.steps) {
            const file = files.get(step.stepKey)!;
            const all = amendmentsOf(file);
            expect(asSorts(step.amendments), step.stepKey).toEqual(sortCounts(all.map((a) => a.sort)));
            expect(Object.fromEntries(step.byGroup.map((g) => [String(g.group), asSorts(g)])), step.stepKey).toEqual(countsBy(all, (a) => a.groupe, (a) => a.sort));
            expect(step.subjects.map((s) => s.subject).sort(), step.stepKey).toEqual(Object.keys(file.sujets).sort());
            for (const subject of step.subjects) {
              const sujet = file.sujets[subject.subject]!;
              const where = `${step.stepKey} ${subject.subject}`;
              expect(subject.order, where).toBe(sujet.order ?? null);
              expect(asSorts(subject), where).toEqual(sortCounts(sujet.amendements.map((a) => a.sort)));
              expect(Object.fromEntries(subject.byGroup.map((g) => [String(g.group), asSorts(g)])), where).toEqual(
                countsBy(sujet.amendements, (a) => a.groupe ?? null, (a) => a.sort),
              );
            }
            const orders = step.subjects.map((s) => s.order ?? Infinity);
            expect(orders, `${step.stepKey}: subjects in La Fabrique's order`).toEqual([...orders].sort((a, b) => a - b));
          }
        });

        it(`TIME4 ${bill}: over the bill, counts by groupe, origin, institution and sujet equal the files and the stats`, () => {
          const all = [...files].flatMap(([key, file]) => amendmentsOf(file).map((a) => ({ ...a, key })));
          const documented = DOCUMENTED[bill];
          expect(asSorts(summary.overall)).toEqual({ tabled: documented.total, adopted: documented.adopted, rejected: documented.rejected, notVoted: documented.notVoted });
          expect([summary.overall.tabled, summary.overall.adopted]).toEqual([stats.total_amendements, stats.total_amendements_adoptes]);
          const institution = (name: string) => summary.byInstitution.find((i) => i.institution === name);
          expect([institution('assemblee')?.tabled, institution('assemblee')?.adopted]).toEqual(documented.assemblee);
          expect([institution('assemblee')?.tabled, institution('assemblee')?.adopted]).toEqual([stats.total_amendements_deputes, stats.total_amendements_deputes_adoptes]);
          expect([institution('senat')?.tabled, institution('senat')?.adopted]).toEqual(documented.senat);
          expect([institution('senat')?.tabled, institution('senat')?.adopted]).toEqual([stats.total_amendements_senateurs, stats.total_amendements_senateurs_adoptes]);
          const government = summary.byGroup.find((g) => g.group === 'Gouvernement');
          expect([government?.tabled, government?.adopted]).toEqual(documented.government);
          expect([government?.tabled, government?.adopted]).toEqual([stats.total_amendements_gouvernement, stats.total_amendements_gouvernement_adoptes]);
          expect(Object.fromEntries(summary.byGroup.map((g) => [String(g.group), asSorts(g)]))).toEqual(countsBy(all, (a) => a.groupe, (a) => a.sort));
          expect(Object.fromEntries(summary.byOrigin.map((o) => [o.origin, asSorts(o)]))).toEqual(
            countsBy(all, (a) => (a.groupe === 'Gouvernement' ? 'government' : 'parliamentarian'), (a) => a.sort),
          );
          expect(Object.fromEntries(summary.subjects.map((s) => [s.subject, asSorts(s)]))).toEqual(countsBy(all, (a) => a.sujet, (a) => a.sort));
        });

        it(`TIME5 ${bill}: the groups are the files' groupes, each with a name, colour and order one of the files gives it`, () => {
          const given = [...files.values()].flatMap((file) => Object.entries(file.groupes));
          expect(summary.groups.map((g) => g.code).sort()).toEqual([...new Set(given.map(([code]) => code))].sort());
          for (const group of summary.groups) {
            const options = given.filter(([code]) => code === group.code).map(([, g]) => ({ name: g.nom, color: g.color ?? null, link: g.link || null, order: g.order ?? null }));
            expect(options, group.code).toContainEqual({ name: group.name, color: group.color, link: group.link, order: group.order });
          }
          const orders = summary.groups.map((g) => g.order ?? Infinity);
          expect(orders).toEqual([...orders].sort((a, b) => a - b));
        });
      });
    }
  });
}

/** Counts as the endpoints give them, from the number of amendments in each status. */
function expectedCounts(byStatus: Partial<OutcomeCounts['byStatus']>): OutcomeCounts {
  const full: OutcomeCounts['byStatus'] = { deposited: 0, adopted: 0, rejected: 0, withdrawn: 0, fallen: 0, inadmissible: 0, not_moved: 0, not_voted: 0, ...byStatus };
  const notVoted = full.withdrawn + full.fallen + full.inadmissible + full.not_moved + full.not_voted;
  return {
    tabled: Object.values(full).reduce((a, b) => a + b, 0),
    adopted: full.adopted,
    rejected: full.rejected,
    notVoted,
    pending: full.deposited,
    byStatus: full,
  };
}

// The fixture bill: article 1er "Premier alinéa.\nSecond alinéa.", article 2 "Unique alinéa de l’article 2.", tabled 2026-01-15.
describeDeliberation('TIME live bill', {}, (suite) => {
  it('TIME6 TIME7 a live bill: amendments deposited and decided over HTTP are counted per step, status, origin and article', async () => {
    const { server, admin, anonymous } = suite;
    const w = await suite.newWorld();
    const billId = w.bill.id;
    const citizenB = (await signUp(server.url)).client;
    const organisation = (await signUpOrganisation(server.url)).client;
    const depute = (await makeParliamentarian(server.url, admin)).client;
    const minister = await signUp(server.url);
    expect((await admin.put(`/users/${minister.me.id}/role`, { role: 'government' })).status).toBe(200);

    const deposit = async (author: ApiClient, body: object) => {
      const draft = await proposeAmendment(author, billId, body);
      return (await actOnAmendment(author, billId, draft.id, 'deposit')).id;
    };
    const a1 = await deposit(w.citizen, { kind: 'replace', anchor: quoteAnchor(w.first, 'Second'), text: 'Deuxième' });
    const a2 = await deposit(w.citizen, { kind: 'delete', anchor: quoteAnchor(w.first, 'Premier ') });
    const a3 = await deposit(citizenB, { kind: 'replace', anchor: quoteAnchor(w.second, 'Unique'), text: 'Seul' });
    const a4 = await deposit(organisation, { kind: 'add_article', afterArticleId: w.first, number: '1er bis', text: 'Un article nouveau.' });
    const a5 = await deposit(depute, { kind: 'delete', anchor: quoteAnchor(w.second, 'alinéa '), groupCode: 'SOC' });
    await deposit(minister.client, { kind: 'rewrite_article', articleId: w.second, text: 'Nouvelle rédaction.' });
    const a7 = await deposit(citizenB, { kind: 'insert', anchor: quoteAnchor(w.second, '', { suffix: 'Unique alinéa' }), text: 'Désormais, ' });
    // Neither a draft nor a draft withdrawn before deposit was tabled.
    await proposeAmendment(w.citizen, billId, { kind: 'rewrite_article', articleId: w.first, text: 'Brouillon.' });
    const abandoned = await proposeAmendment(citizenB, billId, { kind: 'delete_article', articleId: w.first });
    await actOnAmendment(citizenB, billId, abandoned.id, 'withdraw');
    await actOnAmendment(citizenB, billId, a3, 'withdraw');

    // TIME7: the figures follow every change (cached per revision, never stale).
    const before = await getOk<AmendmentSummary>(anonymous, `/bills/${billId}/amendments/summary`);
    expect(before.overall).toEqual(expectedCounts({ deposited: 6, withdrawn: 1 }));

    await actOnAmendment(w.rapporteur, billId, a2, 'decision', { outcome: 'rejected' });
    await actOnAmendment(w.rapporteur, billId, a4, 'decision', { outcome: 'inadmissible' });
    await actOnAmendment(w.rapporteur, billId, a5, 'decision', { outcome: 'not_moved' });
    await actOnAmendment(w.rapporteur, billId, a7, 'decision', { outcome: 'fallen' });
    await actOnAmendment(w.rapporteur, billId, a1, 'decision', { outcome: 'adopted' });
    const published = await w.rapporteur.post(`/bills/${billId}/versions`, {
      stage: '1ère lecture',
      institution: 'assemblee',
      kind: 'commission',
      date: '2026-02-01',
      title: 'Texte de la commission',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    await deposit(w.citizen, { kind: 'replace', anchor: quoteAnchor(w.first, 'Premier'), text: 'Le premier' });

    const timeline = await getOk<Timeline>(anonymous, `/bills/${billId}/timeline`);
    const depotStep = expectedCounts({ adopted: 1, rejected: 1, withdrawn: 1, inadmissible: 1, not_moved: 1, fallen: 1, deposited: 1 });
    const commissionStep = expectedCounts({ deposited: 1 });
    const length = (...alineas: string[]) => [...alineas.join('')].length;
    expect(timeline.steps).toMatchObject([
      {
        stage: '1ère lecture',
        institution: 'assemblee',
        kind: 'depot',
        date: '2026-01-15',
        outcome: 'text',
        producesText: true,
        current: false,
        navette: 1,
        reading: 0,
        version: { id: w.bill.steps[0]?.versionId, articles: 2, articlesWithText: 2, length: length('Premier alinéa.', 'Second alinéa.', 'Unique alinéa de l’article 2.') },
        amendments: { ...depotStep, declared: null },
      },
      {
        stage: '1ère lecture',
        institution: 'assemblee',
        kind: 'commission',
        date: '2026-02-01',
        days: 1,
        outcome: 'text',
        current: true,
        navette: 1,
        reading: 0,
        version: { articles: 2, articlesWithText: 2, length: length('Premier alinéa.', 'Deuxième alinéa.', 'Unique alinéa de l’article 2.') },
        amendments: { ...commissionStep, declared: null },
      },
    ]);
    expect(timeline.readings).toEqual([
      { stage: '1ère lecture', firstStep: 0, lastStep: 1, institutions: ['assemblee'], start: '2026-01-15', end: '2026-02-01', failed: false },
    ]);
    expect(timeline.shuttles).toEqual([{ navette: 1, stepKey: timeline.steps[0]?.key, stage: '1ère lecture', institution: 'assemblee', date: '2026-01-15' }]);
    expect(timeline.overall).toEqual({
      beginning: '2026-01-15',
      end: null,
      steps: 2,
      totalDays: 18,
      depotsInInstitutions: 1,
      echecs: 0,
      textsProduced: 2,
      cmp: 'none',
      amendments: expectedCounts({ adopted: 1, rejected: 1, withdrawn: 1, inadmissible: 1, not_moved: 1, fallen: 1, deposited: 2 }),
    });

    const summary = await getOk<AmendmentSummary>(anonymous, `/bills/${billId}/amendments/summary`);
    expect(summary.groups).toEqual([]);
    expect(summary.overall).toEqual(timeline.overall.amendments);
    expect(summary.byInstitution).toEqual([{ institution: 'assemblee', ...timeline.overall.amendments }]);
    expect(summary.byOrigin).toEqual([
      { origin: 'citizen', ...expectedCounts({ adopted: 1, rejected: 1, withdrawn: 1, fallen: 1, deposited: 1 }) },
      { origin: 'organisation', ...expectedCounts({ inadmissible: 1 }) },
      { origin: 'group', ...expectedCounts({ not_moved: 1 }) },
      { origin: 'government', ...expectedCounts({ deposited: 1 }) },
    ]);
    expect(summary.byGroup).toEqual([
      { group: 'SOC', ...expectedCounts({ not_moved: 1 }) },
      { group: null, ...expectedCounts({ adopted: 1, rejected: 1, withdrawn: 1, inadmissible: 1, fallen: 1, deposited: 2 }) },
    ]);
    const subjects = (list: AmendmentSummary['subjects']) => list.map(({ subject, articleNumber, order, byGroup: _g, byOrigin, ...counts }) => ({ subject, articleNumber, order, counts, origins: byOrigin.map((o) => o.origin) }));
    expect(summary.steps.map((s) => [s.stepKey, s.amendments])).toEqual([
      [timeline.steps[0]?.key, depotStep],
      [timeline.steps[1]?.key, commissionStep],
    ]);
    expect(subjects(summary.steps[0]!.subjects)).toEqual([
      { subject: 'Article 1er', articleNumber: '1er', order: null, counts: expectedCounts({ adopted: 1, rejected: 1 }), origins: ['citizen'] },
      { subject: "Après l'article 1er", articleNumber: null, order: null, counts: expectedCounts({ inadmissible: 1 }), origins: ['organisation'] },
      {
        subject: 'Article 2',
        articleNumber: '2',
        order: null,
        counts: expectedCounts({ withdrawn: 1, not_moved: 1, fallen: 1, deposited: 1 }),
        origins: ['citizen', 'group', 'government'],
      },
    ]);
    const article2 = summary.steps[0]!.subjects[2]!;
    expect(article2.byOrigin.map(({ origin, tabled, notVoted, pending }) => ({ origin, tabled, notVoted, pending }))).toEqual([
      { origin: 'citizen', tabled: 2, notVoted: 2, pending: 0 },
      { origin: 'group', tabled: 1, notVoted: 1, pending: 0 },
      { origin: 'government', tabled: 1, notVoted: 0, pending: 1 },
    ]);
    expect(article2.byGroup.map((g) => [g.group, g.tabled])).toEqual([
      ['SOC', 1],
      [null, 3],
    ]);
    expect(subjects(summary.steps[1]!.subjects)).toEqual([
      { subject: 'Article 1er', articleNumber: '1er', order: null, counts: expectedCounts({ deposited: 1 }), origins: ['citizen'] },
    ]);
    expect(subjects(summary.subjects).map(({ subject, counts }) => [subject, counts])).toEqual([
      ['Article 1er', expectedCounts({ adopted: 1, rejected: 1, deposited: 1 })],
      ["Après l'article 1er", expectedCounts({ inadmissible: 1 })],
      ['Article 2', expectedCounts({ withdrawn: 1, not_moved: 1, fallen: 1, deposited: 1 })],
    ]);
  });
});
