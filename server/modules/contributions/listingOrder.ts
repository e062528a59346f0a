/**
 * The order and paging of contribution listings. The default is a seeded random order: every contribution gets the
 * same chance to be seen first (the newest or most voted do not crowd out the rest), and the seed, echoed back to
 * the client, keeps the order stable from one page to the next.
 */
import { randomBytes } from 'node:crypto';
import { asc, count, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgSelect, PgTable } from 'drizzle-orm/pg-core';
import type { ContributionListQuery, ContributionSort } from '../../../shared/api/contributions.ts';
import type { Database } from '../../storage/database.ts';

/** A fresh seed for a reader who did not bring one. */
export function newSeed(): string {
  return randomBytes(6).toString('base64url');
}

/** What the listing sorts on: the row's id and creation time, and a popularity expression (e.g. votes). */
export interface SortColumns {
  id: AnyPgColumn;
  createdAt: AnyPgColumn;
  /** Without one (contributions nobody votes on), `popular` ties them all and falls back to the most recent. */
  popularity?: SQL;
}

/** ORDER BY terms for a sort; ties always end on the id, so pages never overlap. */
export function orderBy(sort: ContributionSort, seed: string, columns: SortColumns): SQL[] {
  switch (sort) {
    case 'random':
      // md5 is in PostgreSQL and PGlite alike; the seed is validated (letters, digits, - and _) before it gets here.
      return [sql`md5(${seed} || ${columns.id})`, asc(columns.id)];
    case 'recent':
      return [desc(columns.createdAt), asc(columns.id)];
    case 'oldest':
      return [asc(columns.createdAt), asc(columns.id)];
    case 'popular':
      // A bare `0` would be read by PostgreSQL as a column position.
      return [desc(columns.popularity ?? sql`0::int`), desc(columns.createdAt), asc(columns.id)];
  }
}

/** The paging part of a listing's answer (shared/api ListingSchema). */
export interface Listing {
  sort: ContributionSort;
  seed: string | null;
  offset: number;
  total: number;
}

/** Which rows a listing pages through: its select (`$dynamic()`, joins included), table, filter and popularity. */
export interface ListingSource<Q extends PgSelect> {
  select: Q;
  /** The listed table; it sorts on the table's `id` and `createdAt`. */
  table: PgTable & Omit<SortColumns, 'popularity'>;
  where: SQL | undefined;
  popularity?: SQL;
}

/** One page of a listing in the order asked for (a random order gets a seed if it came without), and its paging. */
export async function listingPage<Q extends PgSelect>(
  db: Database,
  { select, table, where, popularity }: ListingSource<Q>,
  query: ContributionListQuery,
): Promise<{ rows: Awaited<Q>; listing: Listing }> {
  const seed = query.sort === 'random' ? (query.seed ?? newSeed()) : null;
  const [rows, [total]] = await Promise.all([
    select
      .where(where)
      .orderBy(...orderBy(query.sort, seed ?? '', { id: table.id, createdAt: table.createdAt, popularity }))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(table).where(where),
  ]);
  return { rows, listing: { sort: query.sort, seed, offset: query.offset, total: total?.n ?? 0 } };
}
