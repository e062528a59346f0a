/**
 * EXPORT6, EXPORT7 over real HTTP: the Akoma Ntoso documents of a bill's versions (created through the API, and
 * pjl15-034 imported from La Fabrique) say what the API's versions say, and each kind of amendment comes with the
 * textual modification of its kind, pointing at the eIds of the version it amends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Version } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, expectProblem } from '../helpers/apiFixtures.ts';
import { actOnAmendment, proposeAmendment, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { importOk, startImportServer, versionOf } from '../helpers/importServer.ts';
import { missingBillReason, readBillBundle } from '../helpers/lafabriqueFiles.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { byEId, childrenNamed, findAll, findOne, parseXml, textOf, type XmlNode } from '../helpers/xmlTree.ts';
import { buildExportWorld, type ExportWorld } from './exportWorld.ts';

const BILL = 'pjl15-034';
const reason = missingBillReason(BILL);
if (reason) console.warn(reason);

/** GET of an XML document: status, content type, parsed root (well-formedness checked), raw text. */
async function getXml(url: string, path: string, options: { accept?: string; token?: string } = {}): Promise<{ status: number; type: string; root: XmlNode | null; text: string }> {
  const response = await fetch(`${url}/api/v1${path}`, {
    headers: { accept: options.accept ?? 'application/akn+xml', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, root: response.status === 200 ? parseXml(text) : null, text };
}

/** The eId the export gives an article number: `art_` and the number without its spaces. */
const articleEId = (number: string) => `art_${number.replace(/\s+/g, '')}`;

/** Checks a version's document against the API's version: articles in order, their numbers and alinéas. */
function expectSameText(root: XmlNode, version: Version): void {
  expect(root.name).toBe('akomaNtoso');
  const bill = findOne(root, 'bill');
  expect(findOne(findOne(bill, 'FRBRExpression'), 'FRBRdate').attributes.date).toBe(version.date);
  const articles = findAll(findOne(bill, 'body'), 'article');
  expect(articles.map((a) => a.attributes.eId)).toEqual(version.articles.map((a) => articleEId(a.number)));
  expect(articles.map((a) => textOf(findOne(a, 'num')))).toEqual(version.articles.map((a) => `Article ${a.number}`));
  articles.forEach((element, index) => {
    const alineas = findAll(element, 'alinea');
    const expected = version.articles[index]!;
    expect(alineas.map((a) => a.attributes.eId)).toEqual(expected.alineas.map((_, i) => `${articleEId(expected.number)}__al_${i + 1}`));
    expect(alineas.map((a) => textOf(findOne(a, 'p')))).toEqual(expected.alineas);
  });
}

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`Akoma Ntoso export on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let world: ExportWorld;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      world = await buildExportWorld(server.url, await adminClient(server.url));
    });
    afterAll(() => server?.stop());

    it('EXPORT6 each version is a well-formed Akoma Ntoso bill with the API’s articles, alinéas and eIds, in its sections', async () => {
      expect(world.versions).toHaveLength(3);
      for (const version of world.versions) {
        const answer = await getXml(server.url, `/bills/${world.bill.id}/versions/${version.id}/akn`);
        expect(answer.status).toBe(200);
        expect(answer.type).toMatch(/^application\/akn\+xml/);
        expectSameText(answer.root!, version);
        // Every eId is unique in its document.
        const all = [...answer.text.matchAll(/ eId="([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(all).size).toBe(all.length);
      }
      const depot = (await getXml(server.url, `/bills/${world.bill.id}/versions/${world.versions[0]!.id}/akn`)).root!;
      const title = findOne(findOne(depot, 'body'), 'title');
      expect(title.attributes.eId).toBe('title_1');
      expect(textOf(findOne(title, 'heading'))).toBe('Des bibliothèques');
      expect(childrenNamed(title, 'article').map((a) => a.attributes.eId)).toEqual(['art_1er']);
      expect(childrenNamed(childrenNamed(title, 'chapter')[0]!, 'article').map((a) => a.attributes.eId)).toEqual(['art_2', 'art_3']);
      const uri = (level: string) => findOne(findOne(depot, level), 'FRBRuri').attributes.value;
      expect(uri('FRBRWork')).toBe(`/akn/fr/bill/2026-01-15/${world.bill.id}`);
      expect(uri('FRBRExpression')).toBe(`/akn/fr/bill/2026-01-15/${world.bill.id}/fra@2026-01-15`);
      // The committee's text: the new article is there, the deleted one kept with its status and no alinéa.
      const committee = byEId((await getXml(server.url, `/bills/${world.bill.id}/versions/${world.versions[1]!.id}/akn`)).root!);
      expect(textOf(findOne(committee.get('art_2bis')!, 'num'))).toBe('Article 2 bis');
      expect(committee.get('art_3')?.attributes.class).toBe('supprime');
    });

    it('EXPORT6 plain XML when asked for; an unknown bill or version is a 404 problem', async () => {
      const plain = await getXml(server.url, `/bills/${world.bill.id}/versions/${world.versions[0]!.id}/akn`, { accept: 'application/xml' });
      expect(plain.type).toMatch(/^application\/xml/);
      expectProblem(await world.admin.get(`/bills/${world.bill.id}/versions/nope/akn`), 404, 'version_not_found');
      expectProblem(await world.admin.get(`/bills/nope/versions/nope/akn`), 404, 'bill_not_found');
    });

    it('EXPORT7 each kind of amendment has the textualMod of its kind, pointing at the latest version’s eIds, old and new quoted', async () => {
      const { bill, citizen } = world;
      const latest = world.versions.at(-1)!;
      // The live text keeps an article's identity when it is renumbered: article 4 is still the committee's 2 bis.
      const id = (number: string) =>
        number === '4' ? world.versions[1]!.articles.find((a) => a.number === '2 bis')!.articleId : latest.articles.find((a) => a.number === number)!.articleId;
      const textOfArticle = (number: string) => latest.articles.find((a) => a.number === number)!.alineas.join('\n');
      const deposit = async (body: object) => {
        const draft = await proposeAmendment(citizen, bill.id, body);
        return actOnAmendment(citizen, bill.id, draft.id, 'deposit');
      };
      const rewrite = await deposit({ kind: 'rewrite_article', articleId: id('2'), text: 'Les bibliothèques prêtent des livres.' });
      const cases: [Amendment, string, string, { old?: string; new?: string; pos?: string }][] = [
        [await deposit({ kind: 'replace', anchor: quoteAnchor(id('1er'), 'cinq'), text: 'six' }), 'substitution', 'art_1er__al_2', { old: 'cinq', new: 'six' }],
        [await deposit({ kind: 'insert', anchor: quoteAnchor(id('2'), '', { prefix: 'organise des lectures' }), text: ' gratuites' }), 'insertion', 'art_2__al_1', { new: 'gratuites', pos: 'inside' }],
        [await deposit({ kind: 'delete', anchor: quoteAnchor(id('1er'), ' en Conseil d’État') }), 'repeal', 'art_1er__al_3', { old: 'en Conseil d’État' }],
        [rewrite, 'substitution', 'art_2', { old: textOfArticle('2'), new: 'Les bibliothèques prêtent des livres.' }],
        [await deposit({ kind: 'delete_article', articleId: id('4') }), 'repeal', 'art_4', { old: textOfArticle('4') }],
        [await deposit({ kind: 'add_article', afterArticleId: id('1er'), number: '1er bis', text: 'Un article nouveau.' }), 'insertion', 'art_1er', { new: 'Un article nouveau.', pos: 'after' }],
      ];
      const versionDoc = byEId((await getXml(server.url, `/bills/${bill.id}/versions/${latest.id}/akn`)).root!);
      const expression = `/akn/fr/bill/2026-01-15/${bill.id}/fra@${latest.date}/!main`;
      for (const [amendment, type, destination, quoted] of cases) {
        const answer = await getXml(server.url, `/bills/${bill.id}/amendments/${amendment.id}/akn`);
        expect(answer.status, `${amendment.kind}: ${answer.text}`).toBe(200);
        const doc = answer.root!;
        expect(textOf(findOne(doc, 'docNumber'))).toBe(amendment.number);
        expect(findAll(doc, 'TLCPerson').map((p) => p.attributes.showAs)).toEqual(amendment.authors.map((a) => a.user.displayName));
        // The formal wording, paragraph by paragraph, then the quoting mod.
        const paragraphs = childrenNamed(findOne(doc, 'amendmentContent'), 'p');
        expect(paragraphs.slice(0, -1).map(textOf)).toEqual(amendment.formalWording!.dispositif);
        const mod = findOne(findOne(doc, 'activeModifications'), 'textualMod');
        expect([amendment.kind, mod.attributes.type]).toEqual([amendment.kind, type]);
        const target = findOne(mod, 'destination');
        expect([amendment.kind, target.attributes.href, target.attributes.pos]).toEqual([amendment.kind, `${expression}#${destination}`, quoted.pos]);
        expect(versionDoc.has(destination), `${destination} is an eId of the version`).toBe(true);
        const eIds = byEId(doc);
        const quotedText = (role: 'old' | 'new') => {
          const reference = findAll(mod, role)[0]?.attributes.href;
          if (reference === undefined) return undefined;
          const element = eIds.get(reference.slice(1))!;
          return element.name === 'quotedText' ? textOf(element) : findAll(element, 'p').map(textOf).join('\n');
        };
        expect([amendment.kind, quotedText('old'), quotedText('new')]).toEqual([amendment.kind, quoted.old, quoted.new]);
      }
      // A sous-amendement rewrites its parent's dispositif: its destination is the parent's modification.
      const sub = await deposit({ kind: 'sub_amendment', parentId: rewrite.id, text: 'Les bibliothèques prêtent des livres et des disques.' });
      const subDoc = (await getXml(server.url, `/bills/${bill.id}/amendments/${sub.id}/akn`)).root!;
      const subMod = findOne(subDoc, 'textualMod');
      expect(subMod.attributes.type).toBe('substitution');
      expect(findOne(subMod, 'destination').attributes.href).toMatch(new RegExp(`^/akn/fr/amendment/\\d{4}-\\d{2}-\\d{2}/${bill.id}-${rewrite.number}/fra@.+/!main#mod_1$`));
      expect(textOf(byEId(subDoc).get(findOne(subMod, 'new').attributes.href!.slice(1))!)).toBe('et des disques');
    });

    it('EXPORT7 a draft is an amendment only for its authors; an unknown one is a 404 problem', async () => {
      const { bill, citizen } = world;
      const draft = await proposeAmendment(citizen, bill.id, { kind: 'delete_article', articleId: world.versions.at(-1)!.articles[0]!.articleId });
      expect((await getXml(server.url, `/bills/${bill.id}/amendments/${draft.id}/akn`)).status).toBe(404);
      const token = (await citizen.post<{ token: string }>('/auth/tokens', { label: 'akn' })).body.token;
      const mine = await getXml(server.url, `/bills/${bill.id}/amendments/${draft.id}/akn`, { token });
      expect(mine.status).toBe(200);
      expect(textOf(findOne(mine.root!, 'docStatus'))).toBe('brouillon');
      expect(findOne(mine.root!, 'textualMod').attributes.type).toBe('repeal');
      expectProblem(await world.admin.get(`/bills/${bill.id}/amendments/nope/akn`), 404, 'amendment_not_found');
    });
  });

  describe.skipIf(target.skipReason !== null || reason !== null)(`Akoma Ntoso export of ${BILL} imported on ${targetTitle(target)}${reason ? ` (${reason})` : ''}`, () => {
    it('EXPORT6 every version of the imported bill matches the API’s text', async () => {
      const ctx = await startImportServer(target);
      try {
        const answer = await importOk(ctx.admin, { files: await readBillBundle(BILL) }, 201);
        expect(answer.summary.versions.length).toBeGreaterThan(1);
        for (const { id } of answer.summary.versions) {
          const version = await versionOf(ctx.admin, answer.billId, id);
          const xml = await getXml(ctx.server.url, `/bills/${answer.billId}/versions/${id}/akn`);
          expect(xml.status).toBe(200);
          expectSameText(xml.root!, version);
          expect(findOne(findOne(xml.root!, 'FRBRWork'), 'FRBRuri').attributes.value).toBe(`/akn/fr/bill/2015-07-31/${BILL}`);
        }
      } finally {
        await ctx.stop();
      }
    });
  });
}

