/**
 * Reports: any signed-in reader flags a contribution once, with a reason; moderators work through the open ones,
 * oldest first. The ledger records that a report was filed and why, never the reporter's free text.
 */
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { contributorColumns, contributorOf, requireModerator } from '../contributions/index.ts';
import type { CreateReportBody, QueuedReport, Report, ReportQueue, ReportQueueQuery } from '../../../shared/api/moderation.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { reports, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { findTarget, findTargets, targetKey } from './targets.ts';

type ReportRow = typeof reports.$inferSelect;

function presentReport(row: ReportRow): Report {
  return {
    id: row.id,
    billId: row.billId,
    target: { type: row.targetType as Report['target']['type'], id: row.targetId },
    reason: row.reason as Report['reason'],
    text: row.text,
    status: row.status as Report['status'],
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/** Files the actor's report on a public contribution of the bill; a second report on the same target is refused. */
export async function fileReport(deps: DeliberationDeps, actor: Actor, billId: string, input: CreateReportBody): Promise<Report> {
  const user = requireUser(actor);
  return recordChange(deps.db, deps.published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const target = await findTarget(tx, billId, input.target);
    if (target.hiddenAt !== null) throw new DomainError(ErrorCode.invalidTransition, `This ${input.target.type} is already hidden`);
    const [row] = await tx
      .insert(reports)
      .values({
        id: newId(),
        billId,
        targetType: input.target.type,
        targetId: input.target.id,
        reporterId: user.id,
        reason: input.reason,
        text: input.text ?? null,
        createdAt: sql`clock_timestamp()`,
      })
      .onConflictDoNothing()
      .returning();
    if (row === undefined) throw new DomainError(ErrorCode.alreadyReported, `You already reported this ${input.target.type}`);
    await record('report.filed', user.id, { reportId: row.id, target: input.target, reason: input.reason });
    return presentReport(row);
  });
}

/** The moderators' queue: reports with one status (open by default), oldest first, with what they are about. */
export async function listReportQueue(db: Database, actor: Actor, query: ReportQueueQuery): Promise<ReportQueue> {
  requireModerator(actor);
  if (query.billId !== undefined) await assertBillExists(db, query.billId);
  const conditions: SQL[] = [eq(reports.status, query.status)];
  if (query.billId !== undefined) conditions.push(eq(reports.billId, query.billId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ report: reports, reporter: contributorColumns })
      .from(reports)
      .innerJoin(users, eq(users.id, reports.reporterId))
      .where(where)
      .orderBy(asc(reports.createdAt), asc(reports.id))
      .offset(query.offset)
      .limit(query.limit),
    db.select({ n: count() }).from(reports).where(where),
  ]);
  const targets = rows.map(({ report }) => ({ type: report.targetType as Report['target']['type'], id: report.targetId }));
  const [found, perTarget] = await Promise.all([findTargets(db, targets), reportsPerTarget(db, query.status, targets.map((t) => t.id))]);
  return {
    reports: rows.map(({ report, reporter }): QueuedReport => {
      const key = targetKey({ type: report.targetType as Report['target']['type'], id: report.targetId });
      const target = found.get(key);
      return {
        ...presentReport(report),
        reporter: contributorOf(reporter),
        targetExcerpt: target?.excerpt ?? '',
        targetHidden: target?.hiddenAt != null,
        targetReports: perTarget.get(key) ?? 0,
      };
    }),
    offset: query.offset,
    total: total?.n ?? 0,
  };
}

/** How many reports with this status each target has, keyed by targetKey. */
async function reportsPerTarget(db: Database, status: string, targetIds: string[]): Promise<Map<string, number>> {
  if (targetIds.length === 0) return new Map();
  const rows = await db
    .select({ type: reports.targetType, id: reports.targetId, n: count() })
    .from(reports)
    .where(and(eq(reports.status, status), inArray(reports.targetId, [...new Set(targetIds)])))
    .groupBy(reports.targetType, reports.targetId);
  return new Map(rows.map((row) => [targetKey({ type: row.type as Report['target']['type'], id: row.id }), row.n]));
}
