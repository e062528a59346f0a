/**
 * Co-authors join only by invitation (AMEND4): an author invites, the invited user accepts. Nobody adds themselves.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Invitation, MAX_LISTED_INVITATIONS } from '../../../shared/api/amendments.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments, bills, users } from '../../storage/schema.ts';
import { contributorOf, type DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';
import { findAmendment, isAuthor } from './amendmentQueries.ts';

const OPEN = new Set(['draft', 'deposited']);

/** An author invites a user to co-write the amendment; inviting someone already involved changes nothing. */
export async function inviteCoauthor(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string, userId: string): Promise<void> {
  const user = requireUser(actor);
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const { row, authors } = await findAmendment(tx, billId, amendmentId, actor);
    if (!isAuthor(authors, user.id)) throw forbidden('Only its authors invite co-authors.');
    if (!OPEN.has(row.status)) throw new DomainError(ErrorCode.invalidTransition, 'A decided or withdrawn amendment takes no new co-author.');
    const [invitee] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!invitee) throw notFound(ErrorCode.userNotFound, `No user with id ${userId}`);
    const inserted = await tx.insert(amendmentAuthors).values({ amendmentId, userId, status: 'invited', invitedBy: user.id }).onConflictDoNothing().returning();
    if (inserted.length > 0) await record('amendment.coauthor_invited', user.id, { amendmentId, userId });
  });
}

/** The invited user accepts and becomes a co-author. */
export async function acceptInvitation(deps: DeliberationDeps, actor: Actor, billId: string, amendmentId: string): Promise<void> {
  const user = requireUser(actor);
  await recordChange(deps.db, deps.published, billId, async (tx, record) => {
    const { row, authors } = await findAmendment(tx, billId, amendmentId, actor);
    const mine = authors.find((author) => author.user.id === user.id);
    if (mine === undefined) throw forbidden('Only an invited user can become a co-author.');
    if (mine.status !== 'invited') return;
    if (!OPEN.has(row.status)) throw new DomainError(ErrorCode.invalidTransition, 'A decided or withdrawn amendment takes no new co-author.');
    await tx
      .update(amendmentAuthors)
      .set({ status: 'coauthor' })
      .where(and(eq(amendmentAuthors.amendmentId, amendmentId), eq(amendmentAuthors.userId, user.id)));
    await record('amendment.coauthor_joined', user.id, { amendmentId, userId: user.id });
  });
}

const inviters = alias(users, 'inviters');

/** The invitations the user has not answered yet, on amendments that can still take a co-author; most recent first. */
export async function pendingInvitations(db: Database, actor: Actor): Promise<Invitation[]> {
  const user = requireUser(actor);
  const rows = await db
    .select({
      amendmentId: amendments.id,
      billId: amendments.billId,
      shortTitle: bills.shortTitle,
      title: bills.title,
      status: amendments.status,
      kind: amendments.kind,
      number: amendments.number,
      articleNumber: amendments.articleNumber,
      inviter: { id: inviters.id, displayName: inviters.displayName, role: inviters.role, organisationRegister: inviters.organisationRegister },
      invitedAt: amendmentAuthors.createdAt,
    })
    .from(amendmentAuthors)
    .innerJoin(amendments, eq(amendments.id, amendmentAuthors.amendmentId))
    .innerJoin(bills, eq(bills.id, amendments.billId))
    .leftJoin(inviters, eq(inviters.id, amendmentAuthors.invitedBy))
    .where(and(eq(amendmentAuthors.userId, user.id), eq(amendmentAuthors.status, 'invited'), inArray(amendments.status, [...OPEN])))
    .orderBy(desc(amendmentAuthors.createdAt), desc(amendments.id))
    .limit(MAX_LISTED_INVITATIONS);
  return rows.map((row) => ({
    amendmentId: row.amendmentId,
    billId: row.billId,
    billTitle: row.shortTitle || row.title,
    status: row.status as Invitation['status'],
    kind: row.kind ?? 'imported',
    number: row.number,
    articleNumber: row.articleNumber,
    invitedBy: row.inviter ? contributorOf(row.inviter) : null,
    invitedAt: row.invitedAt.toISOString(),
  }));
}
