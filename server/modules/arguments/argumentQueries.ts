/**
 * Reading arguments: one by id, or a page of a bill's arguments in the order the reader asked for, each with its
 * author's badge and its "+1" tally.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Argument, ArgumentList, ArgumentListQuery, ArgumentSide, DebateTargetType } from '../../../shared/api/arguments.ts';
import type { VoteTally } from '../../../shared/api/votes.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { debateArguments, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, listingPage, tombstoneOf, visibleText } from '../contributions/index.ts';
import { agreeCountOf, talliesOf } from '../votes/index.ts';

const columns = {
  id: debateArguments.id,
  targetType: debateArguments.targetType,
  targetId: debateArguments.targetId,
  side: debateArguments.side,
  body: debateArguments.body,
  createdAt: debateArguments.createdAt,
  editedAt: debateArguments.editedAt,
  hiddenAt: debateArguments.hiddenAt,
  hiddenReason: debateArguments.hiddenReason,
  author: contributorColumns,
};

type ArgumentRow = {
  id: string;
  targetType: string;
  targetId: string;
  side: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  author: Parameters<typeof contributorOf>[0];
};

/** Selects arguments with their authors. */
const selectArguments = (db: Database) => db.select(columns).from(debateArguments).innerJoin(users, eq(users.id, debateArguments.authorId));

function present(row: ArgumentRow, votes: VoteTally | undefined): Argument {
  return {
    id: row.id,
    target: { type: row.targetType as DebateTargetType, id: row.targetId },
    side: row.side as ArgumentSide,
    author: contributorOf(row.author),
    body: visibleText(row, row.body),
    tombstone: tombstoneOf(row),
    votes: votes ?? { agree: 0, mixed: 0, disagree: 0, total: 0 },
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** One argument of a bill, or argument_not_found. */
export async function getArgument(db: Database, billId: string, argumentId: string): Promise<Argument> {
  const [row] = await selectArguments(db).where(and(eq(debateArguments.id, argumentId), eq(debateArguments.billId, billId)));
  if (!row) {
    await assertBillExists(db, billId);
    throw notFound(ErrorCode.argumentNotFound, `No argument ${argumentId} in this bill`);
  }
  const tallies = await talliesOf(db, billId, 'argument', [row.id]);
  return present(row, tallies.get(row.id));
}

/** A page of a bill's arguments, filtered by target and side; random order by default, seed echoed back. */
export async function listArguments(db: Database, billId: string, query: ArgumentListQuery): Promise<ArgumentList> {
  await assertBillExists(db, billId);
  const filters: SQL[] = [eq(debateArguments.billId, billId)];
  if (query.targetType) filters.push(eq(debateArguments.targetType, query.targetType));
  if (query.targetId) filters.push(eq(debateArguments.targetId, query.targetId));
  if (query.side) filters.push(eq(debateArguments.side, query.side));
  const { rows, listing } = await listingPage(
    db,
    { select: selectArguments(db).$dynamic(), table: debateArguments, where: and(...filters), popularity: agreeCountOf('argument', debateArguments.id) },
    query,
  );
  const tallies = await talliesOf(db, billId, 'argument', rows.map((row) => row.id));
  return { ...listing, arguments: rows.map((row) => present(row, tallies.get(row.id))) };
}
