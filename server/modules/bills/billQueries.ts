/**
 * Read use cases of bills: listings, a bill with its timeline, versions and their full text.
 * Reading is public, so these take no actor.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Bill, BillSummary, Step, Version, VersionSummary } from '../../../shared/api/bills.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { billRapporteurs, bills, billSteps, users, versionArticles, versions, versionSections } from '../../storage/schema.ts';

type BillRow = typeof bills.$inferSelect;
type StepRow = typeof billSteps.$inferSelect;

/** A page of bills, most recently updated first, optionally filtered by words in titles or source reference. */
export async function listBills(
  db: Database,
  { q, limit, offset }: { q?: string | undefined; limit: number; offset: number },
): Promise<{ bills: BillSummary[]; total: number }> {
  const needle = q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = needle
    ? or(ilike(bills.title, needle), ilike(bills.shortTitle, needle), ilike(bills.sourceRef, needle), ilike(bills.loiDite, needle))
    : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(bills).where(where).orderBy(desc(bills.updatedAt), asc(bills.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(bills).where(where),
  ]);
  const summaries = await summarise(db, rows);
  return { bills: summaries, total: totalRow?.total ?? 0 };
}

/** A bill with its timeline of steps and its rapporteurs. */
export async function getBill(db: Database, billId: string): Promise<Bill> {
  const [row] = await db.select().from(bills).where(eq(bills.id, billId));
  if (row === undefined) throw billNotFound(billId);
  const [summary] = await summarise(db, [row]);
  const [stepRows, rapporteurs] = await Promise.all([
    db
      .select({ step: billSteps, versionId: versions.id })
      .from(billSteps)
      .leftJoin(versions, eq(versions.stepId, billSteps.id))
      .where(eq(billSteps.billId, billId))
      .orderBy(asc(billSteps.position)),
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(billRapporteurs)
      .innerJoin(users, eq(users.id, billRapporteurs.userId))
      .where(eq(billRapporteurs.billId, billId))
      .orderBy(asc(users.displayName)),
  ]);
  return {
    ...(summary as BillSummary),
    metadata: row.metadata,
    steps: stepRows.map(({ step, versionId }) => presentStep(step, versionId)),
    rapporteurs,
  };
}

/** The versions of a bill, in procedure order. */
export async function listVersions(db: Database, billId: string): Promise<VersionSummary[]> {
  await assertBillExists(db, billId);
  const rows = await db
    .select({ version: versions, step: billSteps, articleCount: sql<number>`(select count(*)::int from ${versionArticles} where ${versionArticles.versionId} = ${versions.id})` })
    .from(versions)
    .innerJoin(billSteps, eq(billSteps.id, versions.stepId))
    .where(eq(versions.billId, billId))
    .orderBy(asc(billSteps.position));
  return rows.map(({ version, step, articleCount }) => presentVersionSummary(version, step, articleCount));
}

/** The full text of one version. */
export async function getVersion(db: Database, billId: string, versionId: string): Promise<Version> {
  const [row] = await db
    .select({ version: versions, step: billSteps })
    .from(versions)
    .innerJoin(billSteps, eq(billSteps.id, versions.stepId))
    .where(and(eq(versions.id, versionId), eq(versions.billId, billId)));
  if (row === undefined) {
    await assertBillExists(db, billId);
    throw notFound(ErrorCode.versionNotFound, `Bill ${billId} has no version ${versionId}`);
  }
  const [sections, articleRows] = await Promise.all([
    db.select().from(versionSections).where(eq(versionSections.versionId, versionId)).orderBy(asc(versionSections.position)),
    db.select().from(versionArticles).where(eq(versionArticles.versionId, versionId)).orderBy(asc(versionArticles.position)),
  ]);
  return {
    ...presentVersionSummary(row.version, row.step, articleRows.length),
    sourceUrl: row.version.sourceUrl,
    expose: row.version.expose,
    sections: sections.map(({ key, title, type, newKey }) => ({ key, title, type, newKey })),
    articles: articleRows.map(({ articleId, number, position, sectionKey, status, alineas, newNumber }) => ({
      articleId,
      number,
      position,
      sectionKey,
      status,
      alineas,
      newNumber,
    })),
  };
}

/** The bill's latest version (the text of its last step that produced one), or null if it has none. */
export async function getLatestVersion(db: Database, billId: string): Promise<Version | null> {
  const versions = await listVersions(db, billId);
  const latest = versions.at(-1);
  return latest ? getVersion(db, billId, latest.id) : null;
}

/** Throws bill_not_found unless the bill exists. */
export async function assertBillExists(db: Database, billId: string): Promise<void> {
  const [row] = await db.select({ id: bills.id }).from(bills).where(eq(bills.id, billId));
  if (row === undefined) throw billNotFound(billId);
}

const billNotFound = (billId: string) => notFound(ErrorCode.billNotFound, `No bill with id ${billId}`);

async function summarise(db: Database, rows: BillRow[]): Promise<BillSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [versionCounts, lastSteps] = await Promise.all([
    db.select({ billId: versions.billId, n: count() }).from(versions).where(inArray(versions.billId, ids)).groupBy(versions.billId),
    db
      .selectDistinctOn([billSteps.billId])
      .from(billSteps)
      .where(inArray(billSteps.billId, ids))
      .orderBy(billSteps.billId, desc(billSteps.position)),
  ]);
  const versionsOf = new Map(versionCounts.map((row) => [row.billId, row.n]));
  const lastStepOf = new Map(lastSteps.map((step) => [step.billId, step]));
  return rows.map((row) => {
    const last = lastStepOf.get(row.id);
    return {
      id: row.id,
      sourceRef: row.sourceRef,
      title: row.title,
      shortTitle: row.shortTitle,
      loiDite: row.loiDite,
      lawName: row.lawName,
      proposalType: row.proposalType,
      beginning: row.beginning,
      end: row.end,
      urgence: row.urgence,
      versionCount: versionsOf.get(row.id) ?? 0,
      lastStep: last ? { stage: last.stage, institution: last.institution, kind: last.kind, date: last.date } : null,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

function presentStep(step: StepRow, versionId: string | null): Step {
  const { billId: _billId, extra: _extra, ...fields } = step;
  return { ...fields, versionId };
}

function presentVersionSummary(version: typeof versions.$inferSelect, step: StepRow, articleCount: number): VersionSummary {
  return {
    id: version.id,
    stepId: step.id,
    stepKey: step.key,
    stage: step.stage,
    institution: step.institution,
    kind: step.kind,
    date: step.date,
    title: version.title,
    articleCount,
  };
}
