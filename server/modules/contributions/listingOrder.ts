/**
 * The order of contribution listings. The default is a seeded random order: every contribution gets the same
 * chance to be seen first (the newest or most voted do not crowd out the rest), and the seed, echoed back to the
 * client, keeps the order stable from one page to the next.
 */
import { randomBytes } from 'node:crypto';
import { asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ContributionSort } from '../../../shared/api/contributions.ts';

/** A fresh seed for a reader who did not bring one. */
export function newSeed(): string {
  return randomBytes(6).toString('base64url');
}

/** What the listing sorts on: the row's id and creation time, and a popularity expression (e.g. votes). */
export interface SortColumns {
  id: AnyPgColumn;
  createdAt: AnyPgColumn;
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
