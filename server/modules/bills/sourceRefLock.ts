/**
 * Serialises writers of one source reference (an import, an admin creating a bill), so two of them cannot
 * both decide the reference is free and race to the unique constraint.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../storage/database.ts';

// First key of these advisory locks (the second is the reference's hash), apart from the ledger's.
const SOURCE_REF_LOCK_SPACE = 1_002;

/** Takes the transaction-scoped lock on `sourceRef`; call it inside the transaction that writes the bill. */
export async function lockSourceRef(tx: Database, sourceRef: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SOURCE_REF_LOCK_SPACE}, hashtext(${sourceRef}))`);
}
