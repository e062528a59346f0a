/**
 * A bill with a history, built through the API as people would: tabled (titre and chapitre, three articles), amended
 * in committee (a word replaced, an article added, an article deleted: adopted amendments, then the committee's text
 * published), then renumbered in the chamber (a rapporteur renames article 2 bis to 4 live, and publishes).
 */
import type * as Y from 'yjs';
import type { Amendment } from '../../shared/api/amendments.ts';
import type { Bill, Version, VersionSummary } from '../../shared/api/bills.ts';
import { signUp } from '../helpers/apiFixtures.ts';
import { connectProvider, synced, ticketFor, waitFor } from '../helpers/collabClients.ts';
import { actOnAmendment, createBillWithArticles, makeRapporteur, proposeAmendment, quoteAnchor } from '../helpers/deliberationFixtures.ts';
import type { ApiClient } from '../helpers/testServer.ts';

/** Alinéas long enough that git recognises a renumbered article's file as the same file moved. */
export const ARTICLES = [
  {
    number: '1er',
    sectionKey: 'T1',
    status: null,
    alineas: [
      'Chaque commune peut ouvrir une bibliothèque publique accessible à tous les habitants.',
      'Le conseil municipal fixe les horaires d’ouverture pour une durée de trois ans.',
      'Un décret en Conseil d’État précise les modalités d’application du présent article.',
    ],
  },
  { number: '2', sectionKey: 'T1C1', status: null, alineas: ['La bibliothèque prête des livres et la bibliothèque organise des lectures publiques.'] },
  {
    number: '3',
    sectionKey: 'T1C1',
    status: null,
    alineas: ['Les collections sont inventoriées chaque année par le conservateur.', 'L’inventaire est publié sur le site de la commune.'],
  },
];

/** The text of the article the committee adds. */
export const NEW_ARTICLE = [
  'Les bibliothèques publient leurs horaires d’ouverture et leurs catalogues en ligne, dans un format ouvert.',
  'Elles informent les usagers de toute fermeture exceptionnelle au moins huit jours à l’avance.',
];

/** The steps of the three versions, in order. */
export const STEPS = [
  { stage: '1ère lecture', institution: 'assemblee', kind: 'depot', date: '2026-01-15' },
  { stage: '1ère lecture', institution: 'assemblee', kind: 'commission', date: '2026-02-10', title: 'Texte de la commission' },
  { stage: '1ère lecture', institution: 'assemblee', kind: 'hemicycle', date: '2026-03-03', title: 'Texte adopté en séance' },
] as const;

/** The world: the bill, its people, its versions (in order) and what the committee adopted. */
export interface ExportWorld {
  bill: Bill;
  admin: ApiClient;
  rapporteur: ApiClient;
  citizen: ApiClient;
  versions: Version[];
}

/** Drafts, deposits and adopts an amendment; gives it as decided. */
async function adopt(citizen: ApiClient, rapporteur: ApiClient, billId: string, body: object): Promise<Amendment> {
  const draft = await proposeAmendment(citizen, billId, body);
  await actOnAmendment(citizen, billId, draft.id, 'deposit');
  return actOnAmendment(rapporteur, billId, draft.id, 'decision', { outcome: 'adopted' });
}

async function publish(rapporteur: ApiClient, billId: string, step: (typeof STEPS)[1 | 2]): Promise<Version> {
  const response = await rapporteur.post<Version>(`/bills/${billId}/versions`, step);
  if (response.status !== 201) throw new Error(`publish failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Renames an article of the live text over the collaboration endpoint, as a rapporteur's editor does. */
async function renumberLive(url: string, rapporteur: ApiClient, billId: string, from: string, to: string): Promise<void> {
  const document = `bill:${billId}`;
  const writer = connectProvider(url, document, (await ticketFor(rapporteur, document)).ticket);
  try {
    await synced(writer.provider);
    const article = writer.doc
      .getArray<Y.Map<unknown>>('articles')
      .toArray()
      .find((map) => map.get('number') === from);
    if (!article) throw new Error(`no article ${from} in the live text`);
    article.set('number', to);
    // Stored once a fresh reader sees it: readers only ever get committed state.
    await waitFor(async () => {
      const reader = connectProvider(url, document);
      try {
        await synced(reader.provider);
        return reader.doc
          .getArray<Y.Map<unknown>>('articles')
          .toArray()
          .some((map) => map.get('number') === to);
      } finally {
        reader.provider.destroy();
      }
    }, 10_000);
  } finally {
    writer.provider.destroy();
  }
}

/** Builds the bill and its three versions on the server at `url`. */
export async function buildExportWorld(url: string, admin: ApiClient): Promise<ExportWorld> {
  const { bill, articleIds } = await createBillWithArticles(admin, {
    title: 'Projet de loi relatif aux bibliothèques municipales',
    shortTitle: 'Bibliothèques municipales',
    depot: {
      institution: 'assemblee',
      date: STEPS[0].date,
      sourceUrl: null,
      expose: 'Exposé des motifs.',
      sections: [
        { key: 'T1', title: 'Des bibliothèques', type: 'titre' },
        { key: 'T1C1', title: 'Des collections', type: 'chapitre' },
      ],
      articles: ARTICLES,
    },
  });
  const [first = '', second = '', third = ''] = articleIds;
  const rapporteur = (await makeRapporteur(url, admin, bill.id)).client;
  const citizen = (await signUp(url)).client;
  await adopt(citizen, rapporteur, bill.id, { kind: 'replace', anchor: quoteAnchor(first, 'trois'), text: 'cinq' });
  await adopt(citizen, rapporteur, bill.id, { kind: 'add_article', afterArticleId: second, number: '2 bis', text: NEW_ARTICLE.join('\n') });
  await adopt(citizen, rapporteur, bill.id, { kind: 'delete_article', articleId: third });
  await publish(rapporteur, bill.id, STEPS[1]);
  await renumberLive(url, rapporteur, bill.id, '2 bis', '4');
  await publish(rapporteur, bill.id, STEPS[2]);
  const summaries = (await admin.get<{ versions: VersionSummary[] }>(`/bills/${bill.id}/versions`)).body.versions;
  const versions = await Promise.all(summaries.map(async (summary) => (await admin.get<Version>(`/bills/${bill.id}/versions/${summary.id}`)).body));
  return { bill, admin, rapporteur, citizen, versions };
}
