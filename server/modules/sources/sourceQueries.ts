/**
 * Reading sources: one by id, or a page of a bill's sources in the order the reader asked for.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { DebateTargetType } from '../../../shared/api/arguments.ts';
import type { Source, SourceList, SourceListQuery } from '../../../shared/api/sources.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { sources, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, listingPage, tombstoneOf, visibleText } from '../contributions/index.ts';

const columns = {
  id: sources.id,
  targetType: sources.targetType,
  targetId: sources.targetId,
  title: sources.title,
  url: sources.url,
  description: sources.description,
  createdAt: sources.createdAt,
  hiddenAt: sources.hiddenAt,
  hiddenReason: sources.hiddenReason,
  author: contributorColumns,
};

type SourceRow = {
  id: string;
  targetType: string;
  targetId: string;
  title: string;
  url: string;
  description: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  author: Parameters<typeof contributorOf>[0];
};

/** Selects sources with their authors. */
const selectSources = (db: Database) => db.select(columns).from(sources).innerJoin(users, eq(users.id, sources.authorId));

function present(row: SourceRow): Source {
  return {
    id: row.id,
    target: { type: row.targetType as DebateTargetType, id: row.targetId },
    author: contributorOf(row.author),
    title: visibleText(row, row.title),
    url: visibleText(row, row.url),
    description: visibleText(row, row.description),
    tombstone: tombstoneOf(row),
    createdAt: row.createdAt.toISOString(),
  };
}

/** One source of a bill, or source_not_found. */
export async function getSource(db: Database, billId: string, sourceId: string): Promise<Source> {
  const [row] = await selectSources(db).where(and(eq(sources.id, sourceId), eq(sources.billId, billId)));
  if (!row) {
    await assertBillExists(db, billId);
    throw notFound(ErrorCode.sourceNotFound, `No source ${sourceId} in this bill`);
  }
  return present(row);
}

/** A page of a bill's sources, filtered by target; random order by default, seed echoed back. */
export async function listSources(db: Database, billId: string, query: SourceListQuery): Promise<SourceList> {
  await assertBillExists(db, billId);
  const filters: SQL[] = [eq(sources.billId, billId)];
  if (query.targetType) filters.push(eq(sources.targetType, query.targetType));
  if (query.targetId) filters.push(eq(sources.targetId, query.targetId));
  // Sources have no votes: `popular` falls back to the most recent.
  const { rows, listing } = await listingPage(db, { select: selectSources(db).$dynamic(), table: sources, where: and(...filters) }, query);
  return { ...listing, sources: rows.map(present) };
}
