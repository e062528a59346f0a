/**
 * Opaque credentials: a random secret handed to the client (session cookie or bearer token), of which
 * only the SHA-256 is stored, so a database leak gives no usable credential.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Role } from '../../../shared/api/users.ts';
import type { UserId } from '../../../shared/ids.ts';
import type { User } from '../../common/actor.ts';
import type { Database } from '../../storage/database.ts';
import { authTokens, users } from '../../storage/schema.ts';

/** A browser session (cookie) or an API token (bearer). */
export type TokenKind = 'session' | 'api';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a credential for the user and returns its secret, which is never stored. */
export async function issueToken(
  db: Database,
  userId: string,
  kind: TokenKind,
  lifetimeMs: number,
  label: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = `${kind === 'api' ? 'llapi' : 'llses'}_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + lifetimeMs);
  await db.insert(authTokens).values({ tokenHash: hashToken(token), userId, kind, label, expiresAt });
  return { token, expiresAt };
}

/** The user a credential belongs to, or null if it is unknown, of another kind, or expired. */
export async function resolveToken(db: Database, token: string, kind: TokenKind): Promise<User | null> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.kind, kind),
        or(isNull(authTokens.expiresAt), gt(authTokens.expiresAt, new Date())),
      ),
    );
  return row ? { id: row.id as UserId, displayName: row.displayName, role: row.role as Role } : null;
}

/** Revokes one credential (sign-out). */
export async function revokeToken(db: Database, token: string): Promise<void> {
  await db.delete(authTokens).where(eq(authTokens.tokenHash, hashToken(token)));
}
