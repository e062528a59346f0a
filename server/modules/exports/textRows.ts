/**
 * The rows of the text and procedure tables, from the bill as the bills module reads it (its timeline, and its whole
 * content: every step, the text each one produced, groups, debate summaries).
 */
import type { Bill } from '../../../shared/api/bills.ts';
import { articleIdOf, type StoredBillContent } from '../bills/index.ts';
import type { RowOf } from './fields.ts';
import type { articlesTable, billTable, debatesTable, groupsTable, sectionsTable, stepsTable, versionsTable } from './tables.ts';

/** What the text tables are read from. */
export interface TextSource {
  bill: Bill;
  content: StoredBillContent;
}

/** The bill's one row. */
export function* billRows({ bill }: TextSource): Generator<RowOf<typeof billTable>> {
  yield {
    id: bill.id,
    sourceRef: bill.sourceRef,
    title: bill.title,
    shortTitle: bill.shortTitle,
    loiDite: bill.loiDite,
    lawName: bill.lawName,
    proposalType: bill.proposalType,
    beginning: bill.beginning,
    end: bill.end,
    urgence: bill.urgence,
    versionCount: bill.versionCount,
    rapporteurs: bill.rapporteurs.map((rapporteur) => rapporteur.displayName),
    metadata: bill.metadata,
    updatedAt: bill.updatedAt,
  };
}

/** The steps, in procedure order. */
export function* stepRows({ bill, content }: TextSource): Generator<RowOf<typeof stepsTable>> {
  const extraOf = new Map(content.steps.map((step) => [step.id, step.extra]));
  for (const step of bill.steps) yield { ...step, extra: extraOf.get(step.id) ?? {} };
}

/** The steps that produced a text, with it. */
function textSteps(content: StoredBillContent) {
  return content.steps.flatMap((step) => (step.text && step.versionId ? [{ ...step, text: step.text, versionId: step.versionId }] : []));
}

/** The versions, in procedure order. */
export function* versionRows({ content }: TextSource): Generator<RowOf<typeof versionsTable>> {
  for (const step of textSteps(content)) {
    yield {
      id: step.versionId,
      stepId: step.id,
      stepKey: step.key,
      stage: step.stage,
      institution: step.institution,
      kind: step.kind,
      date: step.date,
      title: step.text.title,
      sourceUrl: step.text.sourceUrl,
      expose: step.text.expose,
      articleCount: step.text.articles.length,
      metadata: step.text.metadata,
    };
  }
}

/** Every version's sections. */
export function* sectionRows({ content }: TextSource): Generator<RowOf<typeof sectionsTable>> {
  for (const step of textSteps(content)) {
    for (const [position, section] of step.text.sections.entries()) yield { versionId: step.versionId, position, ...section };
  }
}

/** Every version's articles. */
export function* articleRows({ content }: TextSource): Generator<RowOf<typeof articlesTable>> {
  for (const step of textSteps(content)) {
    for (const [position, article] of step.text.articles.entries()) {
      yield {
        versionId: step.versionId,
        stepKey: step.key,
        position,
        articleId: articleIdOf(content.id, article.number),
        number: article.number,
        sectionKey: article.sectionKey,
        status: article.status,
        newNumber: article.newNumber,
        alineas: article.alineas,
        links: article.links,
      };
    }
  }
}

/** The political groups. */
export function* groupRows({ content }: TextSource): Generator<RowOf<typeof groupsTable>> {
  yield* content.groups;
}

/** The debate summaries, one per step that has one. */
export function* debateRows({ content }: TextSource): Generator<RowOf<typeof debatesTable>> {
  for (const step of content.steps) {
    if (step.debates) yield { stepId: step.id, stepKey: step.key, ...step.debates };
  }
}
