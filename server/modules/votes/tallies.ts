/**
 * Running tallies: `vote_tallies` holds one row per target, moved by each vote's delta in the vote's own
 * transaction, so a tally is read in one row and is exact whatever the concurrency.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TargetType } from '../../../shared/api/contributions.ts';
import type { VoteTally, VoteValue } from '../../../shared/api/votes.ts';
import type { Database } from '../../storage/database.ts';
import { voteTallies } from '../../storage/schema.ts';
import type { Target } from '../contributions/index.ts';

const EMPTY: VoteTally = { agree: 0, mixed: 0, disagree: 0, total: 0 };

function present(row: { agree: number; mixed: number; disagree: number } | undefined): VoteTally {
  if (!row) return { ...EMPTY };
  return { agree: row.agree, mixed: row.mixed, disagree: row.disagree, total: row.agree + row.mixed + row.disagree };
}

/** The tally of one target of a bill (zeros when nobody voted). */
export async function tallyOf(db: Database, billId: string, target: Target): Promise<VoteTally> {
  const [row] = await db
    .select({ agree: voteTallies.agree, mixed: voteTallies.mixed, disagree: voteTallies.disagree })
    .from(voteTallies)
    .where(and(eq(voteTallies.billId, billId), eq(voteTallies.targetType, target.type), eq(voteTallies.targetId, target.id)));
  return present(row);
}

/** The tallies of several targets of one type, keyed by id; every id asked for is present. */
export async function talliesOf(db: Database, billId: string, type: TargetType, ids: readonly string[]): Promise<Map<string, VoteTally>> {
  const tallies = new Map<string, VoteTally>(ids.map((id) => [id, { ...EMPTY }]));
  if (ids.length === 0) return tallies;
  const rows = await db
    .select({ id: voteTallies.targetId, agree: voteTallies.agree, mixed: voteTallies.mixed, disagree: voteTallies.disagree })
    .from(voteTallies)
    .where(and(eq(voteTallies.billId, billId), eq(voteTallies.targetType, type), inArray(voteTallies.targetId, [...ids])));
  for (const row of rows) tallies.set(row.id, present(row));
  return tallies;
}

/** The `agree` count of the target whose id is in `idColumn`, as an SQL expression (a listing's `popular` order). */
export function agreeCountOf(type: TargetType, idColumn: AnyPgColumn): SQL {
  return sql`coalesce((select ${voteTallies.agree} from ${voteTallies} where ${voteTallies.targetType} = ${type} and ${voteTallies.targetId} = ${idColumn}), 0)`;
}

/**
 * Moves a target's tally from `previous` to `next` (either may be null: a first vote, a withdrawal). The
 * increments happen in the database (`agree = agree + 1`), so even a writer outside the bill's lock stays exact.
 */
export async function moveTally(tx: Database, billId: string, target: Target, previous: VoteValue | null, next: VoteValue | null): Promise<void> {
  const delta = { agree: 0, mixed: 0, disagree: 0 };
  if (previous) delta[previous] -= 1;
  if (next) delta[next] += 1;
  await tx
    .insert(voteTallies)
    .values({ billId, targetType: target.type, targetId: target.id, ...delta })
    .onConflictDoUpdate({
      target: [voteTallies.targetType, voteTallies.targetId],
      set: {
        agree: sql`${voteTallies.agree} + ${delta.agree}`,
        mixed: sql`${voteTallies.mixed} + ${delta.mixed}`,
        disagree: sql`${voteTallies.disagree} + ${delta.disagree}`,
      },
    });
}
