import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Version } from '../../shared/api/bills.ts';
import { ADMIN_ENV, adminClient, expectProblem, signUp } from '../helpers/apiFixtures.ts';
import { actOnAmendment, createBillWithArticles, makeModerator, makeRapporteur, proposeAmendment } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

interface AtomLink {
  '@_rel': string;
  '@_href': string;
  '@_type'?: string;
}
/** A text construct: a string, or an object when the element has attributes (`type="text"`). */
type AtomText = string | { '#text': string };
const textOf = (value: AtomText | undefined) => (typeof value === 'object' ? value['#text'] : value);

interface AtomEntry {
  id: string;
  title: AtomText;
  updated: string;
  summary: AtomText;
  link: AtomLink[];
  category: { '@_term': string };
}
interface AtomFeed {
  id: string;
  title: AtomText;
  updated: string;
  link: AtomLink[];
  entry?: AtomEntry[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep every text as written: no number or entity guessing.
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'entry' || name === 'link',
  textNodeName: '#text',
});

/** Fetches the feed through real HTTP, checks it is well-formed Atom, and parses it. */
async function readFeed(url: string, billId: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/api/v1/bills/${billId}/feed.atom`, { headers });
  const text = await response.text();
  if (response.status !== 200) return { response, text, feed: null };
  expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
  expect(XMLValidator.validate(text)).toBe(true);
  const document = parser.parse(text) as { feed: AtomFeed & { '@_xmlns': string } };
  expect(document.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  return { response, text, feed: document.feed };
}

const alternate = (entry: { link: AtomLink[] }) => entry.link.find((link) => link['@_rel'] === 'alternate')?.['@_href'];

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`the Atom feed of a bill on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
    });
    afterAll(async () => {
      await server?.stop();
    });

    /** A bill taken through deposits, outcomes, an official response, a new version and a hidden amendment. */
    async function eventfulBill() {
      const { bill, articleIds } = await createBillWithArticles(admin);
      const rapporteur = await makeRapporteur(server.url, admin, bill.id);
      const { client: moderator } = await makeModerator(server.url, admin);
      const { client: citizen } = await signUp(server.url);
      const deposit = async (articleId: string, text: string, expose: string): Promise<Amendment> => {
        const draft = await proposeAmendment(citizen, bill.id, { kind: 'rewrite_article', articleId, text, expose });
        return actOnAmendment(citizen, bill.id, draft.id, 'deposit');
      };
      const first = await deposit(articleIds[0]!, 'Le premier article est ainsi rédigé.', 'Réécrire <b>tout</b> & « vite » : "ça" compte.');
      const second = await deposit(articleIds[1]!, 'Le second article est supprimé de fait.', 'Pour alléger le texte.');
      const hidden = await deposit(articleIds[1]!, 'Texte secret à masquer.', 'Exposé secret à masquer.');
      await actOnAmendment(rapporteur.client, bill.id, first.id, 'decision', { outcome: 'adopted' });
      await actOnAmendment(rapporteur.client, bill.id, second.id, 'decision', { outcome: 'rejected' });
      const answer = await rapporteur.client.put(`/bills/${bill.id}/amendments/${second.id}/response`, { avis: 'defavorable', body: 'La commission y est défavorable.' });
      expect(answer.status).toBe(200);
      const published = await rapporteur.client.post<Version>(`/bills/${bill.id}/versions`, {
        stage: '1ère lecture',
        institution: 'senat',
        kind: 'commission',
        date: '2026-03-02',
        title: 'Texte de la commission',
      });
      expect(published.status).toBe(201);
      const hide = await moderator.post(`/bills/${bill.id}/moderation/hide`, { target: { type: 'amendment', id: hidden.id }, reason: 'Propos injurieux' });
      expect(hide.status).toBe(201);
      return { bill, first, second, hidden, version: published.body, citizen };
    }

    it('FEED1 lists new versions, deposits, outcomes and official responses, newest first, with French titles, stable ids and links to the web client', async () => {
      const { bill, first, second, hidden, version } = await eventfulBill();
      const { feed } = await readFeed(server.url, bill.id);
      const entries = feed?.entry ?? [];
      expect(entries.map((entry) => textOf(entry.title))).toEqual([
        'Nouvelle version : Commission, Sénat',
        `Réponse à l’amendement n° ${second.number} : avis défavorable`,
        `Amendement n° ${second.number} rejeté`,
        `Amendement n° ${first.number} adopté`,
        `Amendement n° ${hidden.number} déposé`,
        `Amendement n° ${second.number} déposé`,
        `Amendement n° ${first.number} déposé`,
        `Nouveau dossier : ${bill.title}`,
      ]);
      expect(entries.map((entry) => entry.category['@_term'])).toEqual([
        'version.published',
        'response.published',
        'amendment.outcome',
        'amendment.outcome',
        'amendment.deposited',
        'amendment.deposited',
        'amendment.deposited',
        'bill.created',
      ]);
      const base = `${server.url}/bills/${bill.id}`;
      expect(entries.map(alternate)).toEqual([
        `${base}/versions/${version.id}`,
        `${base}/amendments/${second.id}`,
        `${base}/amendments/${second.id}`,
        `${base}/amendments/${first.id}`,
        `${base}/amendments/${hidden.id}`,
        `${base}/amendments/${second.id}`,
        `${base}/amendments/${first.id}`,
        base,
      ]);
      expect(textOf(entries[0]?.summary)).toContain('1ère lecture, Commission, Sénat, le 2026-03-02');
      expect(textOf(entries[1]?.summary)).toBe('La commission y est défavorable.');
      // Text with markup characters survives escaping exactly.
      expect(textOf(entries[6]?.summary)).toBe('Réécrire <b>tout</b> & « vite » : "ça" compte.');
      // Newest first, each with a tag URI naming the bill and the entry's place in its ledger.
      const updated = entries.map((entry) => Date.parse(entry.updated));
      expect([...updated].sort((a, b) => b - a)).toEqual(updated);
      for (const entry of entries) expect(entry.id).toMatch(new RegExp(`^tag:localhost,\\d{4}-\\d{2}-\\d{2}:bill/${bill.id}/entry/\\d+$`));
      expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
      expect(feed?.link.find((link) => link['@_rel'] === 'self')?.['@_href']).toBe(`${server.url}/api/v1/bills/${bill.id}/feed.atom`);
      expect(alternate(feed as AtomFeed)).toBe(base);
      expect(feed?.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      // Ids stay the same as the bill goes on.
      await admin.post(`/bills/${bill.id}/questions`, { body: 'Une question de plus ?' });
      const again = await readFeed(server.url, bill.id);
      expect(again.feed?.entry?.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));

      expectProblem(await new ApiClient(server.url).get('/bills/no-such-bill/feed.atom'), 404, 'bill_not_found');
    });

    it('FEED2 a hidden amendment’s text stays out of the feed, which gives the moderator’s public reason instead', async () => {
      const { bill, hidden } = await eventfulBill();
      const { text, feed } = await readFeed(server.url, bill.id);
      expect(text).not.toContain('secret');
      const entry = feed?.entry?.find((item) => alternate(item)?.endsWith(hidden.id) && item.category['@_term'] === 'amendment.deposited');
      expect(textOf(entry?.summary)).toBe('Texte masqué par la modération. Motif : Propos injurieux');
    });

    it('FEED3 conditional GET: the same ETag or an unchanged Last-Modified answers 304 without a body; any change gives a new ETag', async () => {
      const { bill, citizen } = await eventfulBill();
      const { response } = await readFeed(server.url, bill.id);
      const etag = response.headers.get('etag') as string;
      const lastModified = response.headers.get('last-modified') as string;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

      const byTag = await readFeed(server.url, bill.id, { 'if-none-match': etag });
      expect(byTag.response.status).toBe(304);
      expect(byTag.text).toBe('');
      expect(byTag.response.headers.get('etag')).toBe(etag);
      expect((await readFeed(server.url, bill.id, { 'if-none-match': `"other", W/${etag}` })).response.status).toBe(304);
      expect((await readFeed(server.url, bill.id, { 'if-modified-since': lastModified })).response.status).toBe(304);
      // If-None-Match decides when present.
      expect((await readFeed(server.url, bill.id, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).response.status).toBe(200);

      await citizen.post(`/bills/${bill.id}/questions`, { body: 'Quand le texte sera-t-il examiné ?' });
      const changed = await readFeed(server.url, bill.id, { 'if-none-match': etag });
      expect(changed.response.status).toBe(200);
      expect(changed.response.headers.get('etag')).not.toBe(etag);
    });
  });
}
