/**
 * Writes a bill's whole content inside the caller's transaction. Ids derive from the bill id and each
 * part's natural key, so saving the content of an already imported bill updates it in place: ids that
 * others link to stay valid, parts that disappeared from the source are removed.
 */
import { createHash } from 'node:crypto';
import { and, eq, getTableColumns, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { derivedId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import {
  amendments,
  articles,
  bills,
  billSteps,
  politicalGroups,
  stepDebates,
  versionArticles,
  versions,
  versionSections,
} from '../../storage/schema.ts';
import type { BillContent, TextContent } from './billContent.ts';

/** What was written, for the ledger entry that records it. */
export interface SaveSummary {
  steps: number;
  versions: { id: string; stepKey: string; digest: string }[];
  articles: number;
  amendments: number;
}

// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table.
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** The stable id of a bill's step with this key. */
export const stepIdOf = (billId: string, stepKey: string) => derivedId(billId, 'step', stepKey);
/** The stable id of the version produced by a bill's step. */
export const versionIdOf = (billId: string, stepKey: string) => derivedId(billId, 'version', stepKey);
/** The stable id of a bill's article, matched across versions by its number. */
export const articleIdOf = (billId: string, number: string) => derivedId(billId, 'article', number);

/** SHA-256 of a text's articles, so the ledger pins exactly what each version said. */
export function textDigest(text: TextContent): string {
  const canonical = JSON.stringify(text.articles.map((a) => [a.number, a.status, a.alineas]));
  return createHash('sha256').update(canonical).digest('hex');
}

/** Inserts or updates the bill and all its parts. */
export async function saveBillContent(tx: Database, billId: string, content: BillContent): Promise<SaveSummary> {
  const { steps, groups, amendments: amendmentRows, ...bill } = content;
  await tx
    .insert(bills)
    .values({ id: billId, ...bill })
    .onConflictDoUpdate({ target: bills.id, set: { ...bill, updatedAt: sql`now()` } });

  const stepIds = steps.map((step) => stepIdOf(billId, step.key));
  await tx.delete(billSteps).where(and(eq(billSteps.billId, billId), notInArray(billSteps.id, stepIds.length ? stepIds : [''])));
  // Move kept steps out of the way so positions can be reassigned without tripping the unique constraint.
  await tx.update(billSteps).set({ position: sql`-1 - ${billSteps.position}` }).where(eq(billSteps.billId, billId));
  await insertChunked(
    steps.map(({ text: _text, debates: _debates, ...step }, position) => ({ id: stepIdOf(billId, step.key), billId, position, ...step })),
    (chunk) =>
      tx
        .insert(billSteps)
        .values(chunk)
        .onConflictDoUpdate({ target: billSteps.id, set: excludedColumns(billSteps, ['position', 'stage', 'institution', 'kind', 'date', 'endDate', 'debatsOrder', 'echec', 'decision', 'sourceUrl', 'amendmentCount', 'extra']) }),
  );

  const summary: SaveSummary = { steps: steps.length, versions: [], articles: 0, amendments: amendmentRows.length };
  const textSteps = steps.filter((step) => step.text !== null);
  const keptVersionIds = textSteps.map((step) => versionIdOf(billId, step.key));
  await tx.delete(versions).where(and(eq(versions.billId, billId), notInArray(versions.id, keptVersionIds.length ? keptVersionIds : [''])));
  if (keptVersionIds.length) {
    await tx.delete(versionSections).where(inArray(versionSections.versionId, keptVersionIds));
    await tx.delete(versionArticles).where(inArray(versionArticles.versionId, keptVersionIds));
  }
  const numbers = new Set(textSteps.flatMap((step) => step.text?.articles.map((a) => a.number) ?? []));
  await insertChunked([...numbers].map((number) => ({ id: articleIdOf(billId, number), billId, number })), (chunk) =>
    tx.insert(articles).values(chunk).onConflictDoNothing(),
  );
  for (const step of textSteps) {
    const text = step.text as TextContent;
    const versionId = versionIdOf(billId, step.key);
    const { sections, articles: textArticles, ...version } = text;
    await tx
      .insert(versions)
      .values({ id: versionId, billId, stepId: stepIdOf(billId, step.key), ...version })
      .onConflictDoUpdate({ target: versions.id, set: excludedColumns(versions, ['title', 'sourceUrl', 'expose', 'metadata']) });
    await insertChunked(sections.map((section, position) => ({ versionId, position, ...section })), (chunk) =>
      tx.insert(versionSections).values(chunk),
    );
    await insertChunked(
      textArticles.map((article, position) => ({ versionId, position, articleId: articleIdOf(billId, article.number), ...article })),
      (chunk) => tx.insert(versionArticles).values(chunk),
    );
    summary.versions.push({ id: versionId, stepKey: step.key, digest: textDigest(text) });
    summary.articles += textArticles.length;
  }

  for (const step of steps) {
    const stepId = stepIdOf(billId, step.key);
    if (step.debates === null) await tx.delete(stepDebates).where(eq(stepDebates.stepId, stepId));
    else
      await tx
        .insert(stepDebates)
        .values({ stepId, ...step.debates })
        .onConflictDoUpdate({ target: stepDebates.stepId, set: excludedColumns(stepDebates, ['totalSittings', 'speakers', 'divisions']) });
  }

  await tx.delete(politicalGroups).where(eq(politicalGroups.billId, billId));
  await insertChunked(groups.map((group) => ({ billId, ...group })), (chunk) => tx.insert(politicalGroups).values(chunk));

  const amendmentIds = amendmentRows.map((a) => derivedId(billId, 'amendment', a.stepKey, a.number));
  await tx
    .delete(amendments)
    .where(and(eq(amendments.billId, billId), eq(amendments.origin, 'imported'), notInArray(amendments.id, amendmentIds.length ? amendmentIds : [''])));
  await insertChunked(
    amendmentRows.map(({ stepKey, ...amendment }, i) => ({
      id: amendmentIds[i] as string,
      billId,
      stepId: stepIdOf(billId, stepKey),
      origin: 'imported',
      ...amendment,
    })),
    (chunk) =>
      tx
        .insert(amendments)
        .values(chunk)
        .onConflictDoUpdate({
          target: amendments.id,
          set: excludedColumns(amendments, ['status', 'authorName', 'groupCode', 'subject', 'subjectOrder', 'articleNumber', 'date', 'sourceId', 'sourceUrl']),
        }),
  );
  return summary;
}

/** `set` clause taking each listed column from the row that conflicted (PostgreSQL's EXCLUDED). */
function excludedColumns<T extends PgTable>(table: T, keys: (keyof T['$inferInsert'] & string)[]): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]?.name ?? key}"`)]));
}
