/**
 * A bill's statistics under La Fabrique's own field names, recomputed from what we store (never copied
 * from an imported file), so live bills get the same figures as imported ones.
 */
import type { BillStats } from '../../../shared/api/history.ts';
import type { Database } from '../../storage/database.ts';
import { loadBillContent } from '../bills/index.ts';
import { chainHead } from '../ledger/index.ts';
import { computeExtraStats, computeLaFabriqueStats } from './lafabrique/stats.ts';
import { procedureOf } from './procedureOf.ts';
import { RevisionCache } from './revisionCache.ts';

const cache = new RevisionCache<BillStats>(100);

/** La Fabrique's statistics of the bill, and our own figures beside them. */
export async function getBillStats(db: Database, billId: string): Promise<BillStats> {
  return cache.get(billId, await chainHead(db, billId), async () => {
    const procedure = procedureOf(await loadBillContent(db, billId));
    const lafabrique = computeLaFabriqueStats(procedure) as unknown as BillStats['lafabrique'];
    return { billId, lafabrique, extra: { ...computeExtraStats(procedure) } };
  });
}
