/**
 * Bill-specific rights: who may write a bill's official text.
 */
import { and, eq } from 'drizzle-orm';
import { Role } from '../../../shared/api/users.ts';
import type { Database } from '../../storage/database.ts';
import { billRapporteurs, users } from '../../storage/schema.ts';

/** True when the user, as stored now, may write the bill's official text (rights may have changed since a ticket). */
export async function canWriteBill(db: Database, userId: string, billId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: billRapporteurs.userId })
    .from(billRapporteurs)
    .innerJoin(users, eq(users.id, billRapporteurs.userId))
    .where(and(eq(billRapporteurs.billId, billId), eq(billRapporteurs.userId, userId), eq(users.role, Role.parliamentarian)));
  return row !== undefined;
}
