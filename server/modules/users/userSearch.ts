/**
 * Finding people by name (AUTH9), for an author who invites a co-author: the badge everyone already sees on their
 * contributions, never an e-mail, and only a few per search so the list of accounts cannot be read off in bulk.
 */
import { asc, ilike, sql } from 'drizzle-orm';
import { type Contributor, contributorBadge } from '../../../shared/api/contributions.ts';
import type { UserSearchQuery } from '../../../shared/api/userSearch.ts';
import type { Actor } from '../../common/actor.ts';
import { requireUser } from '../../common/guards.ts';
import type { Database } from '../../storage/database.ts';
import { users } from '../../storage/schema.ts';

/** `%` and `_` typed by someone are letters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The people whose display name contains `q`, names starting with it first, then by name. */
export async function searchUsers(db: Database, actor: Actor, { q, limit }: UserSearchQuery): Promise<Contributor[]> {
  requireUser(actor);
  const needle = escapeLike(q);
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, organisationRegister: users.organisationRegister })
    .from(users)
    .where(ilike(users.displayName, `%${needle}%`))
    .orderBy(sql`${users.displayName} ilike ${`${needle}%`} desc`, asc(users.displayName), asc(users.id))
    .limit(limit);
  return rows.map(contributorBadge);
}
