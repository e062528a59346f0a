/**
 * Adds one legislative step, with the text it produced, after a bill's existing steps: how a live bill's
 * history grows (the whole-content save is for imports and creation).
 */
import { eq, max } from 'drizzle-orm';
import type { Database } from '../../storage/database.ts';
import { articles, billSteps, bills, versionArticles, versions, versionSections } from '../../storage/schema.ts';
import type { StepContent, TextContent } from './billContent.ts';
import { articleIdOf, stepIdOf, textDigest, versionIdOf } from './saveBillContent.ts';

/** What was added. */
export interface AppendedStep {
  stepId: string;
  stepKey: string;
  versionId: string;
  position: number;
  digest: string;
}

/** The conventional key of a step, in La Fabrique's directory style: `03_1èrelecture_senat_commission`. */
export function stepKeyOf(position: number, step: Pick<StepContent, 'stage' | 'institution' | 'kind'>): string {
  return `${String(position).padStart(2, '0')}_${step.stage.replace(/\s+/g, '').toLowerCase()}_${step.institution.replace(/\s+/g, '')}_${step.kind ?? ''}`;
}

/** Appends the step and its version inside the caller's transaction. */
export async function appendStep(
  tx: Database,
  billId: string,
  step: Omit<StepContent, 'key' | 'text' | 'debates' | 'debatsOrder'>,
  text: TextContent,
): Promise<AppendedStep> {
  const [last] = await tx.select({ position: max(billSteps.position) }).from(billSteps).where(eq(billSteps.billId, billId));
  const position = (last?.position ?? -1) + 1;
  const key = stepKeyOf(position, step);
  const stepId = stepIdOf(billId, key);
  const versionId = versionIdOf(billId, key);
  await tx.insert(billSteps).values({ id: stepId, billId, position, key, debatsOrder: position, ...step });
  const { sections, articles: textArticles, ...version } = text;
  await tx.insert(versions).values({ id: versionId, billId, stepId, ...version });
  if (sections.length) await tx.insert(versionSections).values(sections.map((section, i) => ({ versionId, position: i, ...section })));
  if (textArticles.length) {
    await tx
      .insert(articles)
      .values(textArticles.map((article) => ({ id: articleIdOf(billId, article.number), billId, number: article.number })))
      .onConflictDoNothing();
    await tx
      .insert(versionArticles)
      .values(textArticles.map((article, i) => ({ versionId, position: i, articleId: articleIdOf(billId, article.number), ...article })));
  }
  await tx.update(bills).set({ updatedAt: new Date() }).where(eq(bills.id, billId));
  return { stepId, stepKey: key, versionId, position, digest: textDigest(text) };
}
