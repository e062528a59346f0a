/**
 * Imports one bill from La Fabrique de la loi's files: read and validate everything first, then write
 * the bill and its ledger entry in one transaction. Importing the same bill again updates it in place.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../common/actor.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { bills } from '../../storage/schema.ts';
import { lockSourceRef, saveBillContent, type SaveSummary } from '../bills/index.ts';
import { appendEvent } from '../ledger/index.ts';
import { type ProgressListener, readLaFabriqueBill } from './readBill.ts';
import type { BillSource } from './sources.ts';
import { toBillContent } from './toBillContent.ts';

/** What an import did. */
export interface ImportResult {
  billId: string;
  sourceRef: string;
  created: boolean;
  summary: SaveSummary;
}

/**
 * Imports the bill at `source`. `actor` is the admin who asked, or null for the command line (whoever
 * runs it already holds the database). Authorisation is the transport's job, before calling this.
 */
export async function importLaFabriqueBill(
  db: Database,
  actor: Actor,
  source: BillSource,
  onProgress?: ProgressListener,
): Promise<ImportResult> {
  const files = await readLaFabriqueBill(source, onProgress);
  const content = toBillContent(files);
  const sourceRef = content.sourceRef as string;
  return db.transaction(async (tx) => {
    // Two imports of the same new bill must not both create it: they queue on this lock.
    await lockSourceRef(tx, sourceRef);
    const [existing] = await tx.select({ id: bills.id }).from(bills).where(eq(bills.sourceRef, sourceRef));
    const billId = existing?.id ?? newId();
    const summary = await saveBillContent(tx, billId, content);
    await appendEvent(tx, {
      billId,
      type: existing ? 'bill.reimported' : 'bill.imported',
      actorId: actor?.id ?? null,
      payload: { source: 'lafabrique', sourceRef, url: source.url, ...summary },
    });
    return { billId, sourceRef, created: existing === undefined, summary };
  });
}
