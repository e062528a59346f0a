/**
 * Reading sources: one by id, or a page of a bill's sources in the order the reader asked for.
 */
import { and, count, eq, type SQL, sql } from 'drizzle-orm';
import type { DebateTargetType } from '../../../shared/api/arguments.ts';
import type { Source, SourceList, SourceListQuery } from '../../../shared/api/sources.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { sources, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, newSeed, orderBy, tombstoneOf, visibleText } from '../contributions/index.ts';

// Sources have no votes, so `popular` ties them all and falls back to the most recent. (A bare `0` would not do:
// in ORDER BY, PostgreSQL reads an integer literal as a column position.)
const NO_VOTES = sql`0::int`;

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
  const [row] = await db
    .select(columns)
    .from(sources)
    .innerJoin(users, eq(users.id, sources.authorId))
    .where(and(eq(sources.id, sourceId), eq(sources.billId, billId)));
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
  const where = and(...filters);
  const seed = query.sort === 'random' ? (query.seed ?? newSeed()) : null;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(sources)
      .innerJoin(users, eq(users.id, sources.authorId))
      .where(where)
      .orderBy(...orderBy(query.sort, seed ?? '', { id: sources.id, createdAt: sources.createdAt, popularity: NO_VOTES }))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(sources).where(where),
  ]);
  return { sort: query.sort, seed, offset: query.offset, total: total?.n ?? 0, sources: rows.map(present) };
}
