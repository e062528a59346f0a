/**
 * Reads a bill's whole content back as one value (the inverse of saveBillContent), for the history
 * and statistics computations, which need every step's text at once.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../storage/database.ts';
import {
  amendments,
  bills,
  billSteps,
  politicalGroups,
  stepDebates,
  versionArticles,
  versions,
  versionSections,
} from '../../storage/schema.ts';
import type { AmendmentContent, AmendmentStatus, BillContent, StepContent } from './billContent.ts';
import { assertBillExists } from './billQueries.ts';

/** A bill's content, with the database ids of its steps (and their versions) and amendments beside them. */
export interface StoredBillContent extends BillContent {
  id: string;
  steps: (StepContent & { id: string; versionId: string | null })[];
  amendments: (AmendmentContent & { id: string })[];
}

/** Loads everything a bill holds, steps in procedure order. */
export async function loadBillContent(db: Database, billId: string): Promise<StoredBillContent> {
  await assertBillExists(db, billId);
  const [[bill], steps, versionRows, sectionRows, articleRows, debateRows, groups, amendmentRows] = await Promise.all([
    db.select().from(bills).where(eq(bills.id, billId)),
    db.select().from(billSteps).where(eq(billSteps.billId, billId)).orderBy(asc(billSteps.position)),
    db.select().from(versions).where(eq(versions.billId, billId)),
    db
      .select({ section: versionSections })
      .from(versionSections)
      .innerJoin(versions, eq(versions.id, versionSections.versionId))
      .where(eq(versions.billId, billId))
      .orderBy(asc(versionSections.position)),
    db
      .select({ article: versionArticles })
      .from(versionArticles)
      .innerJoin(versions, eq(versions.id, versionArticles.versionId))
      .where(eq(versions.billId, billId))
      .orderBy(asc(versionArticles.position)),
    db
      .select({ debates: stepDebates })
      .from(stepDebates)
      .innerJoin(billSteps, eq(billSteps.id, stepDebates.stepId))
      .where(eq(billSteps.billId, billId)),
    db.select().from(politicalGroups).where(eq(politicalGroups.billId, billId)).orderBy(asc(politicalGroups.code)),
    db.select().from(amendments).where(eq(amendments.billId, billId)).orderBy(asc(amendments.createdAt), asc(amendments.id)),
  ]);
  if (bill === undefined) throw new Error(`bill ${billId} vanished while loading`);
  const versionOfStep = new Map(versionRows.map((v) => [v.stepId, v]));
  const stepKeyOf = new Map(steps.map((s) => [s.id, s.key]));
  const debatesOf = new Map(debateRows.map(({ debates }) => [debates.stepId, debates]));
  const sectionsOf = groupBy(sectionRows.map(({ section }) => section), (section) => section.versionId);
  const articlesOf = groupBy(articleRows.map(({ article }) => article), (article) => article.versionId);

  return {
    id: bill.id,
    sourceRef: bill.sourceRef,
    title: bill.title,
    shortTitle: bill.shortTitle,
    lawName: bill.lawName,
    loiDite: bill.loiDite,
    proposalType: bill.proposalType,
    beginning: bill.beginning,
    end: bill.end,
    urgence: bill.urgence,
    metadata: bill.metadata,
    steps: steps.map(({ billId: _b, position: _p, id, ...step }) => {
      const version = versionOfStep.get(id);
      const debates = debatesOf.get(id);
      return {
        ...step,
        id,
        versionId: version?.id ?? null,
        text: version
          ? {
              title: version.title,
              sourceUrl: version.sourceUrl,
              expose: version.expose,
              metadata: version.metadata,
              sections: (sectionsOf.get(version.id) ?? []).map(({ key, title, type, newKey }) => ({ key, title, type, newKey })),
              articles: (articlesOf.get(version.id) ?? []).map(({ number, sectionKey, status, alineas, links, newNumber }) => ({
                  number,
                  sectionKey,
                  status,
                  alineas,
                  links,
                  newNumber,
                })),
            }
          : null,
        debates: debates
          ? { totalSittings: debates.totalSittings, speakers: debates.speakers, divisions: debates.divisions }
          : null,
      };
    }),
    groups: groups.map(({ billId: _b, ...group }) => group),
    amendments: amendmentRows.map((a) => ({
      id: a.id,
      stepKey: (a.stepId && stepKeyOf.get(a.stepId)) || '',
      number: a.number ?? '',
      authorName: a.authorName,
      groupCode: a.groupCode,
      status: a.status as AmendmentStatus,
      subject: a.subject ?? '',
      subjectOrder: a.subjectOrder,
      articleNumber: a.articleNumber,
      date: a.date,
      sourceId: a.sourceId,
      sourceUrl: a.sourceUrl,
    })),
  };
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
