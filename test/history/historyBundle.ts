/**
 * Bills with as many versions as a test needs, imported through `POST /imports` as a La Fabrique bundle built here
 * (one step per version, each with its text), so that every version is created through the API.
 */
import type { ImportAnswer } from '../helpers/importServer.ts';
import { importOk } from '../helpers/importServer.ts';
import type { ApiClient } from '../helpers/testServer.ts';
import type { GeneratedArticle } from './generatedBill.ts';

/** An article of one version; `status` as La Fabrique writes it (e.g. "supprimé"). */
export interface BundleArticle extends GeneratedArticle {
  status?: string;
}

const KINDS = ['depot', 'commission', 'hemicycle'] as const;
const INSTITUTIONS = ['assemblee', 'senat'] as const;

/** The `{ files }` bundle of a bill whose steps produced `versions`, in order. */
export function historyBundle(sourceRef: string, versions: readonly (readonly BundleArticle[])[]): Record<string, unknown> {
  const directories = versions.map((_, i) => `${String(i).padStart(2, '0')}_1erelecture_${INSTITUTIONS[Math.floor(i / 3) % 2]}_${KINDS[i % 3]}`);
  const files: Record<string, unknown> = {
    'viz/procedure.json': {
      id: sourceRef,
      long_title: `Projet de loi d’essai ${sourceRef}`,
      short_title: `Essai ${sourceRef}`,
      beginning: '2026-01-05',
      steps: directories.map((directory, i) => ({
        directory,
        stage: '1ère lecture',
        institution: INSTITUTIONS[Math.floor(i / 3) % 2],
        step: KINDS[i % 3],
        date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      })),
    },
  };
  versions.forEach((articles, i) => {
    files[`procedure/${directories[i]}/texte/texte.json`] = {
      titre: `Texte n° ${i + 1}`,
      sections: [],
      articles: articles.map((article, order) => ({
        titre: article.number,
        order: order + 1,
        statut: article.status ?? 'none',
        alineas: Object.fromEntries(article.alineas.map((text, k) => [String(k + 1).padStart(3, '0'), text])),
      })),
    };
  });
  return files;
}

/** Imports a bill with these versions; gives the import's answer (bill id, version ids in order). */
export function importHistory(admin: ApiClient, sourceRef: string, versions: readonly (readonly BundleArticle[])[]): Promise<ImportAnswer> {
  return importOk(admin, { files: historyBundle(sourceRef, versions) }, 201);
}
