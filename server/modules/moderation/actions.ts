/**
 * What moderators do: hide a contribution with a public reason (its open reports are upheld), restore it, or
 * dismiss its open reports. Nothing is deleted: the row and its ledger entries stay, readers see a tombstone.
 * Each action is one entry of the bill's public moderation log and one ledger entry, in one transaction.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import {
  ModerationActionKind,
  ReportStatus,
  type ModerationAction,
  type ModerationActionBody,
  type ModerationLog,
  type ModerationLogQuery,
  type ModerationTarget,
} from '../../../shared/api/moderation.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor, User } from '../../common/actor.ts';
import { DomainError } from '../../common/errors.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { moderationActions, reports, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, type DeliberationDeps, requireModerator } from '../contributions/index.ts';
import { recordChange, type RecordEntry } from '../ledger/index.ts';
import { findTarget, isOwnContent, setHidden, type TargetRow } from './targets.ts';

/** Ledger entry type of each action. */
const entryType: Record<ModerationActionKind, string> = {
  hide: 'moderation.hidden',
  restore: 'moderation.restored',
  dismiss: 'moderation.dismissed',
};

/** What an action changes once the target is found and the moderator allowed; returns how many reports it resolved. */
type Apply = (tx: Database, moderator: User, target: ModerationTarget, row: TargetRow, reason: string) => Promise<number>;

/** Resolves the target's open reports with `status`; returns how many. */
async function resolveOpenReports(tx: Database, moderator: User, target: ModerationTarget, status: ReportStatus): Promise<number> {
  const resolved = await tx
    .update(reports)
    .set({ status, resolvedAt: sql`clock_timestamp()`, resolvedBy: moderator.id })
    .where(and(eq(reports.targetType, target.type), eq(reports.targetId, target.id), eq(reports.status, ReportStatus.open)))
    .returning({ id: reports.id });
  return resolved.length;
}

const apply: Record<ModerationActionKind, Apply> = {
  async hide(tx, moderator, target, row, reason) {
    if (row.hiddenAt !== null) throw new DomainError(ErrorCode.invalidTransition, `This ${target.type} is already hidden`);
    await setHidden(tx, target, { hiddenAt: new Date(), hiddenReason: reason, hiddenBy: moderator.id });
    return resolveOpenReports(tx, moderator, target, ReportStatus.upheld);
  },
  async restore(tx, _moderator, target, row) {
    if (row.hiddenAt === null) throw new DomainError(ErrorCode.invalidTransition, `This ${target.type} is not hidden`);
    await setHidden(tx, target, { hiddenAt: null, hiddenReason: null, hiddenBy: null });
    return 0;
  },
  async dismiss(tx, moderator, target) {
    const dismissed = await resolveOpenReports(tx, moderator, target, ReportStatus.dismissed);
    if (dismissed === 0) throw new DomainError(ErrorCode.invalidTransition, `This ${target.type} has no open report`);
    return dismissed;
  },
};

async function act(
  deps: DeliberationDeps,
  actor: Actor,
  billId: string,
  action: ModerationActionKind,
  input: ModerationActionBody,
): Promise<ModerationAction> {
  const moderator = requireModerator(actor);
  return recordChange(deps.db, deps.published, billId, async (tx, record: RecordEntry) => {
    await assertBillExists(tx, billId);
    const row = await findTarget(tx, billId, input.target);
    if (await isOwnContent(tx, input.target, row, moderator.id)) {
      throw new DomainError(ErrorCode.ownContent, 'Moderators cannot moderate their own contributions');
    }
    const resolvedReports = await apply[action](tx, moderator, input.target, row, input.reason);
    const [logged] = await tx
      .insert(moderationActions)
      .values({
        id: newId(),
        billId,
        targetType: input.target.type,
        targetId: input.target.id,
        moderatorId: moderator.id,
        action,
        reason: input.reason,
        createdAt: sql`clock_timestamp()`,
      })
      .returning();
    if (logged === undefined) throw new Error('moderation action insert returned no row');
    await record(entryType[action], moderator.id, { actionId: logged.id, target: input.target, reason: input.reason, resolvedReports });
    const [author] = await tx.select(contributorColumns).from(users).where(eq(users.id, moderator.id));
    if (author === undefined) throw new Error('moderator not found');
    return presentAction(logged, author);
  });
}

/** A moderator hides a contribution of the bill with a public reason; its open reports are upheld. */
export const hideContribution = (deps: DeliberationDeps, actor: Actor, billId: string, input: ModerationActionBody) =>
  act(deps, actor, billId, ModerationActionKind.hide, input);

/** A moderator shows a hidden contribution again, with a public reason. */
export const restoreContribution = (deps: DeliberationDeps, actor: Actor, billId: string, input: ModerationActionBody) =>
  act(deps, actor, billId, ModerationActionKind.restore, input);

/** A moderator dismisses the open reports on a contribution, which stays visible. */
export const dismissReports = (deps: DeliberationDeps, actor: Actor, billId: string, input: ModerationActionBody) =>
  act(deps, actor, billId, ModerationActionKind.dismiss, input);

type ActionRow = typeof moderationActions.$inferSelect;

function presentAction(row: ActionRow, moderator: Parameters<typeof contributorOf>[0]): ModerationAction {
  return {
    id: row.id,
    billId: row.billId,
    action: row.action as ModerationActionKind,
    target: { type: row.targetType as ModerationTarget['type'], id: row.targetId },
    reason: row.reason,
    moderator: contributorOf(moderator),
    at: row.createdAt.toISOString(),
  };
}

/** A bill's public moderation log, newest first. */
export async function listModerationLog(db: Database, billId: string, query: ModerationLogQuery): Promise<ModerationLog> {
  await assertBillExists(db, billId);
  const where = eq(moderationActions.billId, billId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ action: moderationActions, moderator: contributorColumns })
      .from(moderationActions)
      .innerJoin(users, eq(users.id, moderationActions.moderatorId))
      .where(where)
      .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
      .offset(query.offset)
      .limit(query.limit),
    db.select({ n: count() }).from(moderationActions).where(where),
  ]);
  return { actions: rows.map(({ action, moderator }) => presentAction(action, moderator)), offset: query.offset, total: total?.n ?? 0 };
}
