/**
 * A bill's statistics under La Fabrique's own field names, recomputed from what we store (never copied
 * from an imported file), so live bills get the same figures as imported ones.
 */
import type { BillStats } from '../../../shared/api/history.ts';
import type { Database } from '../../storage/database.ts';
import { loadBillContent } from '../bills/index.ts';
import { contentHead } from '../ledger/index.ts';
import { statsOf } from './wholeBill.ts';

/** La Fabrique's statistics of the bill, and our own figures beside them. */
export async function getBillStats(db: Database, billId: string): Promise<BillStats> {
  const { lafabrique, extra } = await statsOf(billId, await contentHead(db, billId), () => loadBillContent(db, billId));
  return { billId, lafabrique: lafabrique as unknown as BillStats['lafabrique'], extra: { ...extra } };
}
