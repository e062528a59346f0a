/**
 * BLAME: who wrote each word of a version, over real HTTP and real y-websocket providers. A scripted history (a bill
 * created through the API, live edits by two rapporteurs, two citizens' amendments adopted, versions published)
 * checked word by word; and an imported real bill (pjl15-034) whose blame agrees with its article history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Bill, Version } from '../../shared/api/bills.ts';
import type { ArticleBlame, VersionBlame } from '../../shared/api/blame.ts';
import type { ArticleHistory } from '../../shared/api/history.ts';
import { ADMIN_ENV, adminClient, createBill, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { articleTexts, connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { actOnAmendment, makeRapporteur, proposeAmendment, quoteAnchor, signUpOrganisation } from '../helpers/deliberationFixtures.ts';
import { importOk } from '../helpers/importServer.ts';
import { missingBillReason, readBillBundle } from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

const REAL_BILL = 'pjl15-034';
const realBillMissing = missingBillReason(REAL_BILL);
if (realBillMissing) console.warn(realBillMissing);

/** Names for the people and versions of a test, so expectations read as the story. */
interface Cast {
  people: Map<string, string>;
  versions: Map<string, string>;
}

/** What a run says of its words, in the cast's names: `v2 typed by R1`, `v2 amendment 1 by C1 adopted by R1`. */
function originOf(run: ArticleBlame['runs'][number], cast: Cast): string {
  const name = (id: string) => cast.people.get(id) ?? id;
  const step = cast.versions.get(run.step.versionId) ?? run.step.versionId;
  if (run.amendment) {
    const authors = (run.authors ?? []).map((author) => name(author.id)).join('+');
    return `${step} amendment ${run.amendment.number ?? '?'} by ${authors} adopted by ${run.rapporteur ? name(run.rapporteur.id) : '?'}`;
  }
  if (run.authors) return `${step} typed by ${run.authors.map((author) => name(author.id)).join('+')}`;
  return step;
}

/** Every word of the article (letters and digits) with the origin of its characters (`MIXED` if they differ). */
function wordsOf(article: ArticleBlame, cast: Cast): string[] {
  const text = article.runs.map((run) => run.text).join('');
  const origins = article.runs.flatMap((run) => Array.from({ length: run.text.length }, () => originOf(run, cast)));
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => {
    const at = match.index ?? 0;
    const seen = new Set(origins.slice(at, at + match[0].length));
    return `${match[0]} ← ${seen.size === 1 ? [...seen][0] : `MIXED ${[...seen].join(' / ')}`}`;
  });
}

/** The expected words of `text`, all from `origin`. */
const from = (origin: string, text: string) => [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => `${match[0]} ← ${origin}`);

async function blameOf(client: ApiClient, billId: string, versionId: string): Promise<VersionBlame> {
  const response = await client.get<VersionBlame>(`/bills/${billId}/versions/${versionId}/blame`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  // Every article's runs rebuild its text exactly.
  const version = await client.get<Version>(`/bills/${billId}/versions/${versionId}`);
  expect(response.body.articles.map((a) => [a.articleId, a.number, a.runs.map((run) => run.text).join('')])).toEqual(
    version.body.articles.map((a) => [a.articleId, a.number, a.alineas.join('\n')]),
  );
  return response.body;
}

const articleOf = (blame: VersionBlame, number: string) => blame.articles.find((article) => article.number === number) as ArticleBlame;

/** Inserts `words` right after the first occurrence of `after` in the article's text. */
function typeAfter(doc: Y.Doc, index: number, after: string, words: string): void {
  const text = doc.getArray<Y.Map<unknown>>('articles').get(index).get('text') as Y.Text;
  const at = text.toJSON().indexOf(after);
  if (at < 0) throw new Error(`"${after}" is not in article ${index}`);
  text.insert(at + after.length, words);
}

const publishStep = (kind: string, date: string) => ({ stage: '1ère lecture', institution: 'assemblee', kind, date, title: `Texte (${kind})` });

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`blame on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let anonymous: ApiClient;
    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
      anonymous = new ApiClient(server.url);
    });
    afterAll(() => server?.stop());

    it('BLAME1 BLAME2 BLAME3 after a dépôt, live edits by two rapporteurs, two adopted amendments and two new versions, every word has its step, amendment and author', async () => {
      const bill: Bill = await createBill(admin, {
        depot: {
          institution: 'assemblee',
          date: '2026-01-15',
          sourceUrl: null,
          expose: 'Exposé.',
          sections: [],
          articles: [
            { number: '1er', sectionKey: null, status: null, alineas: ['La commune publie ses algorithmes.', 'Le maire en rend compte.'] },
            { number: '2', sectionKey: null, status: null, alineas: ['Le présent article est provisoire.'] },
            { number: '3', sectionKey: null, status: null, alineas: ['Les modalités sont fixées par décret.'] },
          ],
        },
      });
      const document = `bill:${bill.id}`;
      const depot = (await anonymous.get<Version>(`/bills/${bill.id}/versions/${bill.steps[0]?.versionId}`)).body;
      const [first, second, third] = depot.articles.map((article) => article.articleId) as [string, string, string];
      const r1 = await makeRapporteur(server.url, admin, bill.id);
      const r2 = await makeRapporteur(server.url, admin, bill.id);
      const c1 = await signUp(server.url);
      const org = await signUpOrganisation(server.url);
      const cast: Cast = {
        people: new Map([
          [r1.id, 'R1'],
          [r2.id, 'R2'],
          [c1.me.id, 'C1'],
          [org.me.id, 'O'],
        ]),
        versions: new Map([[depot.id, 'dépôt']]),
      };

      // Live edits, through stock providers: R1 completes article 1er; R2 renumbers article 2 and completes article 3.
      const reader = connectProvider(server.url, document);
      const w1 = connectProvider(server.url, document, (await ticketFor(r1.client, document)).ticket);
      const w2 = connectProvider(server.url, document, (await ticketFor(r2.client, document)).ticket);
      await Promise.all([synced(reader.provider), synced(w1.provider), synced(w2.provider)]);
      typeAfter(w1.doc, 0, 'algorithmes', ' et leurs codes');
      w2.doc.getArray<Y.Map<unknown>>('articles').get(1).set('number', '2 bis');
      typeAfter(w2.doc, 2, 'décret', ' en Conseil d’État');
      // A reader only ever receives committed edits.
      await waitFor(() =>
        expect(articleTexts(reader.doc)).toEqual([
          'La commune publie ses algorithmes et leurs codes.\nLe maire en rend compte.',
          'Le présent article est provisoire.',
          'Les modalités sont fixées par décret en Conseil d’État.',
        ]),
      );

      // A citizen's and an organisation's amendments, adopted by R1.
      const replace = await proposeAmendment(c1.client, bill.id, { kind: 'replace', anchor: quoteAnchor(second, 'provisoire'), text: 'permanent', expose: 'Durable.' });
      const added = await proposeAmendment(org.client, bill.id, {
        kind: 'add_article',
        afterArticleId: third,
        number: '4',
        text: 'Une évaluation est publiée tous les deux ans.',
        expose: 'Évaluer.',
      });
      for (const [author, amendment] of [
        [c1.client, replace],
        [org.client, added],
      ] as const) {
        await actOnAmendment(author, bill.id, amendment.id, 'deposit');
        await actOnAmendment(r1.client, bill.id, amendment.id, 'decision', { outcome: 'adopted' });
      }
      await waitFor(() => expect(articleTexts(reader.doc)).toHaveLength(4));

      const v2 = await r1.client.post<Version>(`/bills/${bill.id}/versions`, publishStep('commission', '2026-02-01'));
      expect(v2.status, JSON.stringify(v2.body)).toBe(201);
      cast.versions.set(v2.body.id, 'v2');
      expect(v2.body.articles.map((a) => a.number)).toEqual(['1er', '2 bis', '3', '4']);
      // Renumbered: a new article id by number, the same article.
      expect(v2.body.articles[1]?.articleId).not.toBe(second);

      // After the version, R2 writes more; a third version follows.
      typeAfter(w2.doc, 0, 'rend compte', ' chaque année');
      await waitFor(() => expect(articleTexts(reader.doc)[0]).toBe('La commune publie ses algorithmes et leurs codes.\nLe maire en rend compte chaque année.'));
      const v3 = await r2.client.post<Version>(`/bills/${bill.id}/versions`, publishStep('hemicycle', '2026-03-01'));
      expect(v3.status, JSON.stringify(v3.body)).toBe(201);
      cast.versions.set(v3.body.id, 'v3');
      for (const { provider } of [reader, w1, w2]) provider.destroy();

      const amendment1 = `amendment 1 by C1 adopted by R1`;
      const amendment2 = `amendment 2 by O adopted by R1`;
      const blame1 = await blameOf(anonymous, bill.id, depot.id);
      expect(blame1.articles.map((article) => wordsOf(article, cast))).toEqual([
        from('dépôt', 'La commune publie ses algorithmes. Le maire en rend compte.'),
        from('dépôt', 'Le présent article est provisoire.'),
        from('dépôt', 'Les modalités sont fixées par décret.'),
      ]);

      const blame2 = await blameOf(anonymous, bill.id, v2.body.id);
      const expected2 = [
        [...from('dépôt', 'La commune publie ses algorithmes'), ...from('v2 typed by R1', 'et leurs codes'), ...from('dépôt', 'Le maire en rend compte')],
        [...from('dépôt', 'Le présent article est'), ...from(`v2 ${amendment1}`, 'permanent')],
        [...from('dépôt', 'Les modalités sont fixées par décret'), ...from('v2 typed by R2', 'en Conseil d’État')],
        from(`v2 ${amendment2}`, 'Une évaluation est publiée tous les deux ans.'),
      ];
      expect(blame2.articles.map((article) => wordsOf(article, cast))).toEqual(expected2);

      const blame3 = await blameOf(anonymous, bill.id, v3.body.id);
      expect(blame3.articles.map((article) => wordsOf(article, cast))).toEqual([
        [...(expected2[0] as string[]), ...from('v3 typed by R2', 'chaque année')],
        ...expected2.slice(1),
      ]);

      // What the runs carry: the step's label, the amendment, its authors' badges, the rapporteur.
      const permanent = articleOf(blame3, '2 bis').runs.find((run) => run.text.includes('permanent'));
      expect(permanent).toMatchObject({
        step: { versionId: v2.body.id, label: '1ère lecture · Assemblée nationale · commission' },
        amendment: { id: replace.id, number: '1' },
        authors: [{ id: c1.me.id, kind: 'citizen' }],
        rapporteur: { id: r1.id },
      });
      expect(articleOf(blame3, '4').runs).toMatchObject([{ amendment: { id: added.id, number: '2' }, authors: [{ id: org.me.id, kind: 'organisation' }] }]);
      const typed = articleOf(blame3, '3').runs.find((run) => run.text.includes('Conseil'));
      expect(typed).toMatchObject({ amendment: null, authors: [{ id: r2.id, kind: 'official' }], rapporteur: { id: r2.id } });
      expect(articleOf(blame3, '1er').runs[0]).toMatchObject({ step: { versionId: depot.id, label: '1ère lecture · Assemblée nationale · dépôt' }, authors: null, rapporteur: null });
      // Consecutive words of one origin make one run.
      expect(articleOf(blame3, '4').runs).toHaveLength(1);
      expect(articleOf(blame1, '1er').runs).toHaveLength(1);
      expect(first).toBe(blame3.articles[0]?.articleId);
    });

    it('BLAME1 an unknown bill or version is a 404 problem', async () => {
      const bill = await createBill(admin);
      const other = await createBill(admin);
      expectProblem(await anonymous.get(`/bills/${bill.id}/versions/nope/blame`), 404, 'version_not_found');
      expectProblem(await anonymous.get(`/bills/${bill.id}/versions/${other.steps[0]?.versionId}/blame`), 404, 'version_not_found');
      expectProblem(await anonymous.get(`/bills/00000000-0000-4000-8000-000000000000/versions/${bill.steps[0]?.versionId}/blame`), 404, 'bill_not_found');
    });

    describe.skipIf(realBillMissing !== null)(`BLAME4 imported ${REAL_BILL}${realBillMissing ? ` (${realBillMissing})` : ''}`, () => {
      it(`BLAME4 ${REAL_BILL}: every word is attributed to a step at which its article's history shows it written, and no author is claimed`, async () => {
        const { billId } = await importOk(admin, { files: await readBillBundle(REAL_BILL) }, 201);
        const bill = (await anonymous.get<Bill>(`/bills/${billId}`)).body;
        const withText = bill.steps.filter((step) => step.versionId !== null);
        const last = withText.at(-1)?.versionId as string;
        const blame = await blameOf(anonymous, billId, last);
        const stepOfVersion = new Map(withText.map((step) => [step.versionId, step.id]));
        const runs = blame.articles.flatMap((article) => article.runs);
        expect(runs.every((run) => run.amendment === null && run.authors === null && run.rapporteur === null)).toBe(true);
        // The walk is not trivial: words of the final text come from several steps.
        expect(new Set(runs.map((run) => run.step.id)).size).toBeGreaterThan(2);
        for (const article of blame.articles) {
          const history = await anonymous.get<ArticleHistory>(`/bills/${billId}/articles/${encodeURIComponent(article.number)}/history`);
          expect(history.status, article.number).toBe(200);
          const entries = history.body.steps;
          const textAt = new Map(entries.map((entry) => [entry.stepId, (entry.alineas ?? []).join('\n')]));
          // Where the article appeared, and every step whose text of it differs from the one before (the raw text: La
          // Fabrique's n_diff normalises away case and enumeration marks, and its `diff` direction says `rem` for
          // steps that also add words).
          const writing = new Set(entries.filter((entry, i) => i === 0 || textAt.get(entry.stepId) !== textAt.get(entries[i - 1]?.stepId ?? '')).map((e) => e.stepId));
          const worded = article.runs.filter((run) => /[\p{L}\p{N}]/u.test(run.text));
          const steps = new Set(worded.map((run) => stepOfVersion.get(run.step.versionId) ?? run.step.versionId));
          expect([...steps].filter((step) => !writing.has(step)), `article ${article.number}`).toEqual([]);
          // Each word is in the article's text at the step it is attributed to.
          for (const run of worded) {
            const then = textAt.get(stepOfVersion.get(run.step.versionId) ?? '') ?? '';
            for (const [word] of run.text.matchAll(/[\p{L}\p{N}]+/gu)) expect(then, `article ${article.number}: ${word}`).toContain(word);
          }
          // An article never changed after it appeared keeps every word from then.
          if (writing.size === 1) expect([...steps], `article ${article.number}`).toEqual([entries[0]?.stepId]);
        }
      });
    });
  });
}
