/**
 * Account use cases: sign up, sign in, who am I, roles. Self-service accounts are citizens or
 * organisations; an admin grants the other roles.
 */
import { eq } from 'drizzle-orm';
import type { Me, PublicUser, Role, SignupBody } from '../../../shared/api/users.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { UserId } from '../../../shared/ids.ts';
import type { Actor, User } from '../../common/actor.ts';
import { DomainError, notFound } from '../../common/errors.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { billRapporteurs, users } from '../../storage/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { requireAdmin, requireUser } from '../../common/guards.ts';
import { ignoreRightsChanges, type RightsChanged } from './rightsChanged.ts';

type UserRow = typeof users.$inferSelect;

/** Everything needed to create an account. */
export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisationRegister?: string | null;
}

/** Creates an account (self-service sign-up, demo seeding, bootstrap admin). */
export async function createAccount(db: Database, account: NewAccount): Promise<User> {
  const email = account.email.toLowerCase();
  const passwordHash = await hashPassword(account.password);
  const [row] = await db
    .insert(users)
    .values({
      id: newId(),
      email,
      displayName: account.displayName,
      passwordHash,
      role: account.role,
      organisationRegister: account.organisationRegister ?? null,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (row === undefined) throw new DomainError(ErrorCode.emailTaken, `An account already uses ${email}`);
  return toUser(row);
}

/** Self-service sign-up as a citizen or an organisation. */
export function signUp(db: Database, body: SignupBody): Promise<User> {
  return createAccount(db, {
    email: body.email,
    password: body.password,
    displayName: body.displayName,
    role: body.kind,
    organisationRegister: body.kind === 'organisation' ? body.organisationRegister : null,
  });
}

/** Checks an e-mail and password; the same error whether the e-mail or the password is wrong. */
export async function authenticate(db: Database, email: string, password: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  if (!(await verifyPassword(row?.passwordHash ?? null, password)) || row === undefined) {
    throw new DomainError(ErrorCode.invalidCredentials, 'Wrong e-mail or password.');
  }
  return toUser(row);
}

/** The signed-in user's own profile. */
export async function getMe(db: Database, actor: Actor): Promise<Me> {
  const user = requireUser(actor);
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (row === undefined) throw notFound(ErrorCode.userNotFound, 'Your account no longer exists.');
  const bills = await db.select({ billId: billRapporteurs.billId }).from(billRapporteurs).where(eq(billRapporteurs.userId, user.id));
  return { ...presentUser(row), email: row.email, rapporteurOf: bills.map((b) => b.billId) };
}

/** A user as everyone sees them. */
export async function getPublicUser(db: Database, userId: string): Promise<PublicUser> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (row === undefined) throw notFound(ErrorCode.userNotFound, `No user with id ${userId}`);
  return presentUser(row);
}

/** An admin changes a user's role (e.g. verifies a parliamentarian). */
export async function setRole(
  db: Database,
  actor: Actor,
  userId: string,
  role: Role,
  rightsChanged: RightsChanged = ignoreRightsChanges,
): Promise<PublicUser> {
  requireAdmin(actor);
  const [before] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  const [row] = await db.update(users).set({ role }).where(eq(users.id, userId)).returning();
  if (row === undefined) throw notFound(ErrorCode.userNotFound, `No user with id ${userId}`);
  if (before?.role !== role) await rightsChanged(userId);
  return presentUser(row);
}

/** Creates the configured admin account on first start; leaves an existing one untouched. */
export async function ensureAdmin(db: Database, email: string, password: string): Promise<'created' | 'exists'> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  if (existing) return 'exists';
  await createAccount(db, { email, password, displayName: 'Administrator', role: 'admin' });
  return 'created';
}

/** A user as others see them. */
export function presentUser(row: UserRow): PublicUser {
  return { id: row.id, displayName: row.displayName, role: row.role as Role, organisationRegister: row.organisationRegister };
}

function toUser(row: UserRow): User {
  return { id: row.id as UserId, displayName: row.displayName, role: row.role as Role };
}
