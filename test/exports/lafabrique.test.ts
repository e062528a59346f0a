/**
 * EXPORT4 over real HTTP: a bill imported from La Fabrique de la loi and exported again in La Fabrique's format gives
 * back every field the importer reads, file by file (pjl15-034, pjl07-405, read at run time and never copied into the
 * repository), and importing that export changes nothing; a bill written here exports its steps, versions and
 * amendments in the same format, with La Fabrique's three outcomes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Bill, Version } from '../../shared/api/bills.ts';
import type { LaFabriqueFileList } from '../../shared/api/exports.ts';
import { AmendmentsFile, InterventionsFile, ProcedureFile, TextFile } from '../../server/modules/lafabrique/files.ts';
import { expectProblem } from '../helpers/apiFixtures.ts';
import { actOnAmendment, depositedAmendment, draftAmendment } from '../helpers/deliberationFixtures.ts';
import { describeDeliberation } from '../helpers/deliberationSuite.ts';
import { download } from '../helpers/exports.ts';
import { type ImportAnswer, importOk } from '../helpers/importServer.ts';
import { missingBillReason, readBillBundle } from '../helpers/lafabriqueFiles.ts';
import type { ApiClient } from '../helpers/testServer.ts';

type Json = Record<string, unknown>;
type Files = Record<string, unknown>;

const BILLS = ['pjl15-034', 'pjl07-405'] as const;
const reasons = new Map(BILLS.map((bill) => [bill, missingBillReason(bill)]));
for (const reason of reasons.values()) if (reason) console.warn(reason);

/**
 * What La Fabrique's files hold that the importer does not read, so that no export can give it back: left out of the
 * comparison, on both sides. Everything else is compared, field by field (a field absent on one side and null on the
 * other counts as the same: the importer reads both as null). Besides these fields:
 * - the order of the amendements inside a sujet is not kept (they are compared as a set, by numero);
 * - a group code several files of a bill define differently (ECOLO, UMP: a group of each chamber) is kept once per
 *   bill, with the last file's definition: the export gives that one, which is checked instead;
 * - viz/procedure.json `stats` and viz/articles_etapes.json are not imported but recomputed: compared within 1e-9.
 */
const NOT_IMPORTED = {
  /** texte.json: a section's `type` is always "section". */
  section: ['type'],
  /** texte.json: an article's `type` is always "article"; `order` only orders the articles, whose order is compared. */
  article: ['type', 'order'],
  /** amendements_<step>.json: `id_step` names the step the file name gives. */
  amendmentsFile: ['id_step'],
  /** amendements_<step>.json: a sujet's `titre` repeats its key. */
  sujet: ['titre'],
  /** interventions.json: per step, the groups' counts (only the sittings, speakers' names and divisions are kept). */
  debates: ['groupes'],
  /** interventions.json: per division, everything but `order`, `total_intervs`, `total_mots`. */
  division: ['first_date', 'last_date', 'link', 'source', 'groupes'],
  /** interventions.json: per speaker, everything but the name (the key): read as `{}`. */
  speaker: ['color', 'fonction', 'groupe', 'link', 'nom', 'photo'],
  /** articles_etapes.json: the law's title as La Fabrique capitalised it (we give the long title). */
  articlesEtapes: ['law_title'],
} as const;

/** The value with null and absent fields made the same (dropped), at every depth. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, field]) => (field === null || field === undefined ? [] : [[key, withoutNulls(field)]])));
}

const omit = (object: Json, ...keys: string[]) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

/** A text file without the fields the importer does not read. */
function comparableText(file: Json): unknown {
  return withoutNulls({
    ...file,
    sections: (file.sections as Json[]).map((section) => omit(section, ...NOT_IMPORTED.section)),
    articles: (file.articles as Json[]).map((article) => omit(article, ...NOT_IMPORTED.article)),
  });
}

/** An amendments file without what the importer does not read, the groups named in `skip` aside. */
function comparableAmendments(file: Json, skip: Set<string>): unknown {
  const sujets = file.sujets as Record<string, Json>;
  const groupes = file.groupes as Record<string, Json>;
  return withoutNulls({
    ...omit(file, ...NOT_IMPORTED.amendmentsFile),
    groupes: Object.fromEntries(Object.entries(groupes).filter(([code]) => !skip.has(code))),
    sujets: Object.fromEntries(
      Object.entries(sujets).map(([subject, sujet]) => [
        subject,
        {
          ...omit(sujet, ...NOT_IMPORTED.sujet),
          amendements: [...(sujet.amendements as Json[])].sort((a, b) => String(a.numero).localeCompare(String(b.numero), 'fr', { numeric: true })),
        },
      ]),
    ),
  });
}

/** The interventions file without what the importer does not read. */
function importedInterventions(file: Record<string, Json>): unknown {
  return Object.fromEntries(
    Object.entries(file).map(([step, debates]) => [
      step,
      {
        ...omit(debates, ...NOT_IMPORTED.debates),
        orateurs: Object.fromEntries(Object.entries(debates.orateurs as Record<string, Json>).map(([name, speaker]) => [name, omit(speaker, ...NOT_IMPORTED.speaker)])),
        divisions: Object.fromEntries(
          Object.entries(debates.divisions as Record<string, Json>).map(([title, division]) => [title, omit(division, ...NOT_IMPORTED.division)]),
        ),
      },
    ]),
  );
}

/** Numbers within 1e-9, the rest equal: La Fabrique's figures are floats computed in Python. */
function closeEnough(actual: unknown, expected: unknown, where: string, mismatches: string[]): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9) mismatches.push(`${where}: ${actual} ≠ ${expected}`);
  } else if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) closeEnough((actual as Json)[key], (expected as Json)[key], `${where}.${key}`, mismatches);
  } else if (actual !== expected) mismatches.push(`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
}

/** Every file of a bill's La Fabrique export, fetched over HTTP at the paths the listing gives. */
async function fetchExport(baseUrl: string, client: ApiClient, billId: string): Promise<{ list: LaFabriqueFileList; files: Files }> {
  const list = await client.get<LaFabriqueFileList>(`/bills/${billId}/export/lafabrique`);
  expect(list.status).toBe(200);
  const files: Files = {};
  for (const path of list.body.files) {
    const answer = await download(baseUrl, `/bills/${billId}/export/lafabrique/${path.split('/').map(encodeURIComponent).join('/')}`);
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    files[path] = JSON.parse(answer.text()) as unknown;
  }
  return { list: list.body, files };
}

describeDeliberation('EXPORT La Fabrique format', {}, (suite) => {
  for (const bill of BILLS) {
    const reason = reasons.get(bill) ?? null;
    describe.skipIf(reason !== null)(`${bill}${reason ? ` (${reason})` : ''}`, () => {
      let source: Files;
      let imported: ImportAnswer;
      let exported: Files;

      beforeAll(async () => {
        source = await readBillBundle(bill);
        imported = await importOk(suite.admin, { files: source }, 201);
        ({ files: exported } = await fetchExport(suite.server.url, suite.anonymous, imported.billId));
      }, 300_000);

      it(`EXPORT4 ${bill}: the export has every file of the source, and each passes the importer's schema`, () => {
        expect(Object.keys(exported).sort()).toEqual(Object.keys(source).sort());
        for (const [path, file] of Object.entries(exported)) {
          const schema = path === 'viz/procedure.json' ? ProcedureFile : path === 'viz/interventions.json' ? InterventionsFile : path.startsWith('viz/amendements_') ? AmendmentsFile : path.startsWith('procedure/') ? TextFile : null;
          if (schema) expect(schema.safeParse(file).success, path).toBe(true);
        }
      });

      it(`EXPORT4 ${bill}: viz/procedure.json gives back every field and every step; stats recomputed equal La Fabrique's`, () => {
        const ours = exported['viz/procedure.json'] as Json;
        const theirs = source['viz/procedure.json'] as Json;
        expect(withoutNulls(omit(ours, 'stats'))).toEqual(withoutNulls(omit(theirs, 'stats')));
        const mismatches: string[] = [];
        closeEnough(ours.stats, theirs.stats, 'stats', mismatches);
        expect(mismatches).toEqual([]);
      });

      it(`EXPORT4 ${bill}: every procedure/<step>/texte/texte.json gives back the text: its fields, sections, articles in order, alinéas`, () => {
        const texts = Object.keys(source).filter((path) => path.startsWith('procedure/'));
        expect(texts.length).toBe(bill === 'pjl15-034' ? 9 : 14);
        for (const path of texts) expect(comparableText(exported[path] as Json), path).toEqual(comparableText(source[path] as Json));
      });

      it(`EXPORT4 ${bill}: every viz/amendements_<step>.json gives back each amendment (numero, aut, groupe, sort, date, id_api), subjects and groups`, () => {
        const paths = Object.keys(source).filter((path) => path.startsWith('viz/amendements_'));
        // A code defined differently by several files: the bill keeps the last file's definition (procedure order).
        const definitions = new Map<string, string[]>();
        const lastDefinition = new Map<string, unknown>();
        const stepOrder = ((source['viz/procedure.json'] as Json).steps as Json[]).map((step) => `viz/amendements_${step.directory as string}.json`);
        for (const path of stepOrder.filter((p) => paths.includes(p))) {
          for (const [code, group] of Object.entries((source[path] as Json).groupes as Json)) {
            definitions.set(code, [...new Set([...(definitions.get(code) ?? []), JSON.stringify(group)])]);
            lastDefinition.set(code, group);
          }
        }
        const conflicting = new Set([...definitions].filter(([, defs]) => defs.length > 1).map(([code]) => code));
        expect([...conflicting]).toEqual(bill === 'pjl15-034' ? ['ECOLO'] : ['UMP']);
        let amendments = 0;
        for (const path of paths) {
          const ours = exported[path] as Json;
          expect(comparableAmendments(ours, conflicting), path).toEqual(comparableAmendments(source[path] as Json, conflicting));
          expect(Object.keys(ours.groupes as Json).sort(), path).toEqual(Object.keys((source[path] as Json).groupes as Json).sort());
          for (const code of conflicting) {
            if (code in (ours.groupes as Json)) expect((ours.groupes as Json)[code], `${path} ${code}`).toEqual(lastDefinition.get(code));
          }
          amendments += Object.values(ours.sujets as Record<string, { amendements: unknown[] }>).reduce((n, sujet) => n + sujet.amendements.length, 0);
        }
        expect(amendments).toBe(bill === 'pjl15-034' ? 117 : 898);
      });

      it(`EXPORT4 ${bill}: viz/interventions.json gives back what the importer reads of the debates`, () => {
        expect(exported['viz/interventions.json']).toEqual(importedInterventions(source['viz/interventions.json'] as Record<string, Json>));
      });

      it(`EXPORT4 ${bill}: viz/articles_etapes.json, recomputed, equals La Fabrique's (articles and sections)`, () => {
        const ours = exported['viz/articles_etapes.json'] as Json;
        const theirs = source['viz/articles_etapes.json'] as Json;
        const mismatches: string[] = [];
        closeEnough(omit(ours, ...NOT_IMPORTED.articlesEtapes), omit(theirs, ...NOT_IMPORTED.articlesEtapes), 'articles_etapes', mismatches);
        expect(mismatches).toEqual([]);
      });

      it(`EXPORT4 ${bill}: importing the export (by URL, as La Fabrique's API root) changes nothing, and exports the same again`, async () => {
        const { server, admin, anonymous } = suite;
        const before = (await anonymous.get<Bill>(`/bills/${imported.billId}`)).body;
        const again = await importOk(admin, { url: `${server.url}/api/v1/bills/${imported.billId}/export/lafabrique/` }, 200);
        expect(again).toEqual({ ...imported, created: false });
        const after = (await anonymous.get<Bill>(`/bills/${imported.billId}`)).body;
        expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
        expect((await fetchExport(server.url, anonymous, imported.billId)).files).toEqual(exported);
      }, 300_000);
    });
  }

  it('EXPORT4 a bill written here: its steps, versions and public amendments, with La Fabrique’s sorts adopté / rejeté / non-voté', async () => {
    const { admin, anonymous, server } = suite;
    const world = await suite.newWorld();
    const billId = world.bill.id;
    const { citizen, rapporteur, first, second } = world;
    const decide = (amendment: Amendment, outcome: string) => actOnAmendment(rapporteur, billId, amendment.id, 'decision', { outcome });
    const adopted = await decide(await depositedAmendment(citizen, billId, first, 'Texte adopté en commission.'), 'adopted');
    const rejected = await decide(await depositedAmendment(citizen, billId, second, 'Rédaction rejetée.'), 'rejected');
    const withdrawn = await actOnAmendment(citizen, billId, (await depositedAmendment(citizen, billId, second, 'Retirée.')).id, 'withdraw');
    const pending = await depositedAmendment(citizen, billId, second, 'En attente.');
    await draftAmendment(citizen, billId, second, 'Brouillon privé.');
    const published = await rapporteur.post<Version>(`/bills/${billId}/versions`, { stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date: '2026-02-01', title: 'Texte de la commission' });
    expect(published.status).toBe(201);
    const later = await depositedAmendment(citizen, billId, first, 'Déposé en séance.');
    const bill = (await anonymous.get<Bill>(`/bills/${billId}`)).body;
    const [depot, commission] = bill.steps;

    const { list, files } = await fetchExport(server.url, anonymous, billId);
    expect(list).toEqual({
      billId,
      root: `/bills/${billId}/export/lafabrique/`,
      files: [
        'viz/procedure.json',
        'viz/articles_etapes.json',
        `procedure/${depot!.key}/texte/texte.json`,
        `viz/amendements_${depot!.key}.json`,
        `procedure/${commission!.key}/texte/texte.json`,
        `viz/amendements_${commission!.key}.json`,
      ],
    });
    const procedure = ProcedureFile.parse(files['viz/procedure.json']);
    expect(procedure).toMatchObject({ id: billId, long_title: bill.title, short_title: bill.shortTitle, proposal_type: 'PJL' });
    expect(procedure.steps.map((step) => [step.directory, step.stage, step.institution, step.step, step.date, step.nb_amendements])).toEqual([
      [depot!.key, '1ère lecture', 'assemblee', 'depot', depot!.date, 4],
      [commission!.key, '1ère lecture', 'assemblee', 'commission', '2026-02-01', 1],
    ]);
    const text = TextFile.parse(files[`procedure/${commission!.key}/texte/texte.json`]);
    expect(text.articles.map((article) => [article.titre, Object.values(article.alineas)])).toEqual(published.body.articles.map((article) => [article.number, article.alineas]));
    expect(text.articles[0]!.alineas).toEqual({ '001': 'Texte adopté en commission.' });

    const sorts = (path: string) =>
      Object.entries(AmendmentsFile.parse(files[path]).sujets).flatMap(([subject, sujet]) => sujet.amendements.map((a) => [subject, a.numero, a.aut, a.sort]));
    const name = (await citizen.get<{ displayName: string }>('/me')).body.displayName;
    expect(sorts(`viz/amendements_${depot!.key}.json`).sort()).toEqual(
      [
        ['Article 1er', adopted.number, name, 'adopté'],
        ['Article 2', rejected.number, name, 'rejeté'],
        ['Article 2', withdrawn.number, name, 'non-voté'],
        ['Article 2', pending.number, name, 'non-voté'],
      ].sort(),
    );
    expect(sorts(`viz/amendements_${commission!.key}.json`)).toEqual([['Article 1er', later.number, name, 'non-voté']]);
    expect(JSON.stringify(files)).not.toContain('Brouillon privé.');

    // What we write, our importer reads: a new bill (its source reference is this bill's id) with the same texts.
    const copy = await importOk(admin, { files }, 201);
    expect(copy.sourceRef).toBe(billId);
    const digests = async (id: string) => {
      const versions = (await anonymous.get<{ versions: { id: string }[] }>(`/bills/${id}/versions`)).body.versions;
      return Promise.all(versions.map(async (v) => (await anonymous.get<Version>(`/bills/${id}/versions/${v.id}`)).body.articles.map((a) => [a.number, a.alineas])));
    };
    expect(await digests(copy.billId)).toEqual(await digests(billId));
    expect(copy.summary.amendments).toBe(5);
  }, 120_000);

  it('EXPORT4 an unknown bill, step or file is a 404 problem; a file name that is not La Fabrique’s a 400', async () => {
    const { anonymous } = suite;
    const world = await suite.newWorld();
    const base = `/bills/${world.bill.id}/export/lafabrique`;
    expectProblem(await anonymous.get('/bills/no-such-bill/export/lafabrique'), 404, 'bill_not_found');
    expectProblem(await anonymous.get('/bills/no-such-bill/export/lafabrique/viz/procedure.json'), 404, 'bill_not_found');
    expectProblem(await anonymous.get(`${base}/procedure/99_nowhere/texte/texte.json`), 404, 'route_not_found');
    expectProblem(await anonymous.get(`${base}/viz/amendements_99_nowhere.json`), 404, 'route_not_found');
    expectProblem(await anonymous.get(`${base}/viz/interventions.json`), 404, 'route_not_found');
    expectProblem(await anonymous.get(`${base}/viz/secret.txt`), 400, 'validation_failed');
  });
});
