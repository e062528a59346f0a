/**
 * Naming and removing a bill's rapporteurs: the parliamentarians allowed to write its official text
 * and decide on its amendments. Each change is recorded in the bill's ledger.
 */
import { and, eq } from 'drizzle-orm';
import { Role } from '../../../shared/api/users.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { DomainError, notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { billRapporteurs, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { appendEvent } from '../ledger/index.ts';
import { requireAdmin } from '../../common/guards.ts';
import { ignoreRightsChanges, type RightsChanged } from './rightsChanged.ts';

/** An admin names a parliamentarian rapporteur of a bill; naming them twice changes nothing. */
export async function grantRapporteur(
  db: Database,
  actor: Actor,
  billId: string,
  userId: string,
  rightsChanged: RightsChanged = ignoreRightsChanges,
): Promise<void> {
  const admin = requireAdmin(actor);
  const changed = await db.transaction(async (tx) => {
    await assertBillExists(tx, billId);
    const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
    if (user === undefined) throw notFound(ErrorCode.userNotFound, `No user with id ${userId}`);
    if (user.role !== Role.parliamentarian) {
      throw new DomainError(ErrorCode.notParliamentarian, 'Only a parliamentarian can be named rapporteur; grant the role first.');
    }
    const inserted = await tx.insert(billRapporteurs).values({ billId, userId }).onConflictDoNothing().returning();
    if (inserted.length > 0) await appendEvent(tx, { billId, type: 'rapporteur.granted', actorId: admin.id, payload: { userId } });
    return inserted.length > 0;
  });
  if (changed) await rightsChanged(userId);
}

/** An admin removes a rapporteur; removing one who is not changes nothing. */
export async function revokeRapporteur(
  db: Database,
  actor: Actor,
  billId: string,
  userId: string,
  rightsChanged: RightsChanged = ignoreRightsChanges,
): Promise<void> {
  const admin = requireAdmin(actor);
  const changed = await db.transaction(async (tx) => {
    await assertBillExists(tx, billId);
    const removed = await tx
      .delete(billRapporteurs)
      .where(and(eq(billRapporteurs.billId, billId), eq(billRapporteurs.userId, userId)))
      .returning();
    if (removed.length > 0) await appendEvent(tx, { billId, type: 'rapporteur.revoked', actorId: admin.id, payload: { userId } });
    return removed.length > 0;
  });
  if (changed) await rightsChanged(userId);
}
