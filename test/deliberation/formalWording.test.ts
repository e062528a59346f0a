/**
 * AMEND7 through real HTTP: every amendment comes back with its official form, generated from its diff, following
 * the live text while it is a draft or deposited and kept as decided afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Amendment } from '../../shared/api/amendments.ts';
import { ADMIN_ENV, adminClient, signUp } from '../helpers/apiFixtures.ts';
import { createBillWithArticles, makeRapporteur, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import { storageTargets, targetTitle } from '../helpers/storageTargets.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/testServer.ts';

/** Expected wording with `~` for the no-break spaces. */
const nb = (text: string) => text.replaceAll('~', '\u00a0');

// Our own bill: article 1er has three alinéas, article 2 one, in which "bibliothèque" occurs twice.
const ARTICLES = [
  {
    number: '1er',
    sectionKey: 'T1',
    status: null,
    alineas: ['Chaque commune peut ouvrir une bibliothèque.', 'Le conseil municipal fixe les horaires pour une durée de trois ans.', 'Un décret précise les modalités.'],
  },
  { number: '2', sectionKey: 'T1', status: null, alineas: ['La bibliothèque prête des livres et la bibliothèque organise des lectures.'] },
];

for (const target of storageTargets) {
  describe.skipIf(target.skipReason !== null)(`formal wording of amendments on ${targetTitle(target)}`, () => {
    let server: TestServer;
    let admin: ApiClient;

    beforeAll(async () => {
      server = await startTestServer(target, ADMIN_ENV);
      admin = await adminClient(server.url);
    });
    afterAll(() => server?.stop());

    async function world() {
      const created = await createBillWithArticles(admin, {
        depot: {
          institution: 'assemblee',
          date: '2026-02-01',
          sourceUrl: 'https://example.org/depot.html',
          expose: 'Exposé des motifs.',
          sections: [{ key: 'T1', title: 'Titre Ier', type: 'titre' }],
          articles: ARTICLES,
        },
      });
      const rapporteur = await makeRapporteur(server.url, admin, created.bill.id);
      const citizen = await signUp(server.url);
      const [first = '', second = ''] = created.articleIds;
      const base = `/bills/${created.bill.id}/amendments`;
      const draft = async (body: object) => {
        const response = await citizen.client.post<Amendment>(base, body);
        expect(response.status, JSON.stringify(response.body)).toBe(201);
        return response.body;
      };
      const step = async (client: ApiClient, id: string, action: string, body?: object) => {
        const response = await client.post<Amendment>(`${base}/${id}/${action}`, body);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body;
      };
      const read = async (id: string) => (await citizen.client.get<Amendment>(`${base}/${id}`)).body;
      return { first, second, draft, step, read, citizen: citizen.client, rapporteur: rapporteur.client };
    }

    it('AMEND7 each kind of amendment comes back with its header and dispositif in official form', async () => {
      const w = await world();
      const replace = await w.draft({ kind: 'replace', anchor: quoteAnchor(w.first, 'trois'), text: 'cinq' });
      expect(replace.formalWording).toEqual({ header: 'ARTICLE PREMIER', dispositif: [nb('À l’alinéa~2, substituer au mot~: «~trois~» le mot~: «~cinq~».')] });

      const atStart = await w.draft({ kind: 'insert', anchor: quoteAnchor(w.first, '', { suffix: 'Un décret' }), text: 'Au besoin ' });
      expect(atStart.formalWording?.dispositif).toEqual([nb('Au début de l’alinéa~3, insérer les mots~: «~Au besoin~».')]);

      const words = await w.draft({ kind: 'delete', anchor: quoteAnchor(w.first, ' pour une durée de trois ans') });
      expect(words.formalWording?.dispositif).toEqual([nb('À l’alinéa~2, supprimer les mots~: «~pour une durée de trois ans~».')]);

      const alinea = await w.draft({ kind: 'delete', anchor: quoteAnchor(w.first, '\nUn décret précise les modalités.') });
      expect(alinea.formalWording?.dispositif).toEqual([nb('Supprimer l’alinéa~3.')]);

      const repeated = await w.draft({ kind: 'replace', anchor: quoteAnchor(w.second, 'bibliothèque', { prefix: 'des livres et la ' }), text: 'médiathèque' });
      expect(repeated.formalWording).toEqual({
        header: 'ARTICLE 2',
        dispositif: [nb('Substituer à la seconde occurrence du mot~: «~bibliothèque~» le mot~: «~médiathèque~».')],
      });

      const rewrite = await w.draft({ kind: 'rewrite_article', articleId: w.second, text: 'Le prêt est gratuit.\nUn décret fixe les exceptions.' });
      expect(rewrite.formalWording?.dispositif).toEqual([nb('Rédiger ainsi cet article~:'), nb('«~Le prêt est gratuit.'), nb('«~Un décret fixe les exceptions.~»')]);

      const removed = await w.draft({ kind: 'delete_article', articleId: w.second });
      expect(removed.formalWording).toEqual({ header: 'ARTICLE 2', dispositif: ['Supprimer cet article.'] });

      const added = await w.draft({ kind: 'add_article', afterArticleId: w.first, number: '1er bis', text: 'Les bibliothèques sont accessibles.' });
      expect(added.formalWording).toEqual({
        header: 'ARTICLE ADDITIONNEL APRÈS L’ARTICLE PREMIER',
        dispositif: [nb('Après l’article~1er, insérer un article ainsi rédigé~:'), nb('«~Article 1er bis'), nb('«~Les bibliothèques sont accessibles.~»')],
      });
    });

    it('AMEND7 a sous-amendement words its change to the deposited parent, by number, under the parent’s header', async () => {
      const w = await world();
      const parent = await w.draft({ kind: 'replace', anchor: quoteAnchor(w.first, 'trois ans'), text: 'cinq ans au plus' });
      expect((await w.step(w.citizen, parent.id, 'deposit')).number).toBe('1');
      const sub = await w.draft({ kind: 'sub_amendment', parentId: parent.id, text: 'cinq ans' });
      expect(sub.formalWording).toEqual({ header: 'ARTICLE PREMIER', dispositif: [nb('À l’amendement n°~1, supprimer les mots~: «~au plus~».')] });
    });

    it('AMEND7 the wording follows the live text like the diff: alinéas renumbered, null once the target is gone; a decided one keeps its own', async () => {
      const w = await world();
      const pending = await w.draft({ kind: 'replace', anchor: quoteAnchor(w.first, 'trois'), text: 'cinq' });
      expect(pending.formalWording?.dispositif).toEqual([nb('À l’alinéa~2, substituer au mot~: «~trois~» le mot~: «~cinq~».')]);

      const opening = await w.draft({ kind: 'insert', anchor: quoteAnchor(w.first, '', { suffix: 'Chaque commune' }), text: 'Les bibliothèques sont un service public.\n' });
      await w.step(w.citizen, opening.id, 'deposit');
      const adopted = await w.step(w.rapporteur, opening.id, 'decision', { outcome: 'adopted' });
      const openingWording = [nb('Avant l’alinéa~1, insérer un alinéa ainsi rédigé~:'), nb('«~Les bibliothèques sont un service public.~»')];
      expect(adopted.formalWording?.dispositif).toEqual(openingWording);

      // The pending draft's alinéa is now the third; the adopted amendment still reads as it was decided.
      expect((await w.read(pending.id)).formalWording?.dispositif).toEqual([nb('À l’alinéa~3, substituer au mot~: «~trois~» le mot~: «~cinq~».')]);
      expect((await w.read(opening.id)).formalWording?.dispositif).toEqual(openingWording);

      // Once the words it replaces are gone, there is no diff, hence no wording.
      const shorter = await w.draft({ kind: 'delete', anchor: quoteAnchor(w.first, ' pour une durée de trois ans') });
      await w.step(w.citizen, shorter.id, 'deposit');
      await w.step(w.rapporteur, shorter.id, 'decision', { outcome: 'adopted' });
      const orphan = await w.read(pending.id);
      expect(orphan.diff).toBeNull();
      expect(orphan.formalWording).toBeNull();
    });
  });
}
