/**
 * Writes a bill with thousands of versions straight through the storage layer (batched inserts in one transaction),
 * as a fixture for `npm run bench:history`: creating them one by one through the API is not what is measured.
 */
import { articles, billSteps, bills, versionArticles, versions } from '../../server/storage/schema.ts';
import type { Database } from '../../server/storage/database.ts';
import { editBill, type GeneratedArticle, generateBill, mulberry32 } from '../../test/history/generatedBill.ts';

/** The shape of the generated history. */
export interface LongHistory {
  versions: number;
  /** Characters of the first version's text. */
  chars: number;
  /** Edits from one version to the next. */
  editsPerVersion: number;
  seed: number;
}

const ROWS_PER_INSERT = 1_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** Writes the bill; gives its id and the characters of all its versions' alinéas (what a full copy would hold). */
export async function seedLongHistory(db: Database, history: LongHistory): Promise<{ billId: string; historyChars: number }> {
  const billId = 'bench-history';
  const random = mulberry32(history.seed);
  let text: GeneratedArticle[] = generateBill(history.seed, history.chars);
  let historyChars = 0;
  await db.transaction(async (tx) => {
    await tx.insert(bills).values({ id: billId, title: 'Projet de loi de mesure de l’historique', shortTitle: 'Historique' });
    const articleIds = new Map<string, string>();
    for (let start = 0; start < history.versions; start += 100) {
      const steps: (typeof billSteps.$inferInsert & { id: string })[] = [];
      const rows: (typeof versionArticles.$inferInsert)[] = [];
      for (let i = start; i < Math.min(history.versions, start + 100); i += 1) {
        if (i > 0) text = editBill(random, text, history.editsPerVersion);
        const stepId = `${billId}:step:${i}`;
        steps.push({ id: stepId, billId, position: i, key: `${String(i).padStart(4, '0')}_lecture`, stage: '1ère lecture', institution: i % 2 ? 'senat' : 'assemblee' });
        text.forEach((article, position) => {
          if (!articleIds.has(article.number)) articleIds.set(article.number, `${billId}:article:${article.number}`);
          historyChars += article.alineas.reduce((sum, alinea) => sum + alinea.length, 0);
          rows.push({ versionId: `${billId}:version:${i}`, articleId: articleIds.get(article.number) as string, position, number: article.number, alineas: article.alineas });
        });
      }
      await tx.insert(articles).values([...articleIds].map(([number, id]) => ({ id, billId, number }))).onConflictDoNothing();
      await tx.insert(billSteps).values(steps);
      await tx.insert(versions).values(steps.map((step, k) => ({ id: `${billId}:version:${start + k}`, billId, stepId: step.id, title: `Texte n° ${start + k + 1}` })));
      await insertInBatches(rows, (batch) => tx.insert(versionArticles).values(batch));
    }
  });
  return { billId, historyChars };
}
