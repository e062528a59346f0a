/**
 * The `votes` rows: one per person and target (the primary key is the last word on "one vote per person"). Read
 * and written in sets, for a group commit of ballots.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TargetType } from '../../../shared/api/contributions.ts';
import type { VoteValue } from '../../../shared/api/votes.ts';
import type { Database } from '../../storage/database.ts';
import { votes } from '../../storage/schema.ts';
import type { Target } from '../contributions/index.ts';

/** A person's vote on a target (`null` withdraws it). */
export interface Ballot {
  userId: string;
  target: Target;
  value: VoteValue | null;
}

/** The key of a person's vote on a target. */
export const voteKey = ({ target, userId }: Pick<Ballot, 'target' | 'userId'>): string => `${target.type}:${target.id}:${userId}`;

/** The stored votes of the ballots' (target, person) pairs, by `voteKey`; pairs with no vote are absent. */
export async function currentVotes(tx: Database, ballots: readonly Ballot[]): Promise<Map<string, VoteValue>> {
  const found = new Map<string, VoteValue>();
  if (ballots.length === 0) return found;
  const rows = await tx
    .select({ targetType: votes.targetType, targetId: votes.targetId, userId: votes.userId, value: votes.value })
    .from(votes)
    .where(sql`(${votes.targetType}, ${votes.targetId}, ${votes.userId}) in (${pairsOf(ballots)})`);
  for (const row of rows) {
    found.set(voteKey({ target: { type: row.targetType as TargetType, id: row.targetId }, userId: row.userId }), row.value as VoteValue);
  }
  return found;
}

/** Stores the ballots (one per person and target): one upsert for the votes cast or changed, one delete for those withdrawn. */
export async function writeVotes(tx: Database, billId: string, ballots: readonly Ballot[]): Promise<void> {
  const now = new Date();
  const cast = ballots.flatMap(({ target, userId, value }) =>
    value === null ? [] : [{ billId, targetType: target.type, targetId: target.id, userId, value, createdAt: now, updatedAt: now }],
  );
  const withdrawn = ballots.filter((ballot) => ballot.value === null);
  if (cast.length > 0) {
    await tx
      .insert(votes)
      .values(cast)
      .onConflictDoUpdate({ target: [votes.targetType, votes.targetId, votes.userId], set: { value: sql`excluded.value`, updatedAt: now } });
  }
  if (withdrawn.length > 0) {
    await tx.delete(votes).where(sql`(${votes.targetType}, ${votes.targetId}, ${votes.userId}) in (${pairsOf(withdrawn)})`);
  }
}

/** The person's vote on the target, or null. */
export async function voteOf(db: Database, target: Target, userId: string): Promise<VoteValue | null> {
  const [row] = await db
    .select({ value: votes.value })
    .from(votes)
    .where(and(eq(votes.targetType, target.type), eq(votes.targetId, target.id), eq(votes.userId, userId)));
  return (row?.value as VoteValue | undefined) ?? null;
}

/** The person's votes on several targets of one type, by target id (targets not voted on are absent). */
export async function votesOf(db: Database, userId: string, type: TargetType, ids: readonly string[]): Promise<Map<string, VoteValue>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: votes.targetId, value: votes.value })
    .from(votes)
    .where(and(eq(votes.userId, userId), eq(votes.targetType, type), inArray(votes.targetId, [...ids])));
  return new Map(rows.map((row) => [row.id, row.value as VoteValue]));
}

/** `(target_type, target_id, user_id), …` of the ballots, for a row-value `in` list. */
function pairsOf(ballots: readonly Ballot[]): SQL {
  return sql.join(
    ballots.map((ballot) => sql`(${ballot.target.type}, ${ballot.target.id}, ${ballot.userId})`),
    sql`, `,
  );
}
