/**
 * Co-authors join only by invitation (AMEND4): an author invites, the invited user accepts. Nobody adds themselves.
 */
import { and, eq } from 'drizzle-orm';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, forbidden, notFound } from '../../common/errors.ts';
import { requireUser } from '../../common/guards.ts';
import { amendmentAuthors, users } from '../../storage/schema.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
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
