/**
 * Running tallies: `vote_tallies` holds one row per target, moved by the votes' deltas in the votes' own
 * transaction, so a tally is read in one row and is exact whatever the concurrency.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TargetType } from '../../../shared/api/contributions.ts';
import type { VoteTally } from '../../../shared/api/votes.ts';
import type { Database } from '../../storage/database.ts';
import { voteTallies } from '../../storage/schema.ts';
import { type Target, targetKey } from '../contributions/index.ts';

/** The tally of a target nobody voted on. */
export const EMPTY_TALLY: Readonly<VoteTally> = { agree: 0, mixed: 0, disagree: 0, total: 0 };

function present(row: { agree: number; mixed: number; disagree: number } | undefined): VoteTally {
  if (!row) return { ...EMPTY_TALLY };
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
  const tallies = new Map<string, VoteTally>(ids.map((id) => [id, { ...EMPTY_TALLY }]));
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

/** How much a batch of votes moves one target's tally. */
export interface TallyDelta {
  target: Target;
  agree: number;
  mixed: number;
  disagree: number;
}

/**
 * Moves targets' tallies by their deltas (one delta per target), in one statement. The increments happen in the
 * database (`agree = agree + 1`), so even a writer outside the bill's lock stays exact.
 */
export async function moveTallies(tx: Database, billId: string, deltas: readonly TallyDelta[]): Promise<void> {
  const moving = deltas.filter((delta) => delta.agree !== 0 || delta.mixed !== 0 || delta.disagree !== 0);
  if (moving.length === 0) return;
  await tx
    .insert(voteTallies)
    .values(moving.map(({ target, agree, mixed, disagree }) => ({ billId, targetType: target.type, targetId: target.id, agree, mixed, disagree })))
    .onConflictDoUpdate({
      target: [voteTallies.targetType, voteTallies.targetId],
      set: {
        agree: sql`${voteTallies.agree} + excluded.agree`,
        mixed: sql`${voteTallies.mixed} + excluded.mixed`,
        disagree: sql`${voteTallies.disagree} + excluded.disagree`,
      },
    });
}

/** The tallies of targets of any types, keyed by `targetKey`; every target asked for is present. */
export async function talliesOfTargets(db: Database, billId: string, targets: readonly Target[]): Promise<Map<string, VoteTally>> {
  const tallies = new Map<string, VoteTally>();
  for (const type of new Set(targets.map((target) => target.type))) {
    const ids = [...new Set(targets.filter((target) => target.type === type).map((target) => target.id))];
    for (const [id, tally] of await talliesOf(db, billId, type, ids)) tallies.set(targetKey({ type, id }), tally);
  }
  return tallies;
}
