/**
 * HTTP endpoints of the ledger: page through a bill's entries, verify its chain.
 */
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { LedgerPageSchema, LedgerQuerySchema, LedgerVerificationSchema } from '../../../shared/api/ledger.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { assertChainExists, listEvents, verifyChain } from './ledger.ts';

/** The ledger endpoints, bound to a database. */
export function ledgerRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/events',
      tag: 'Ledger',
      summary: 'The bill’s ledger entries after `after`, oldest first',
      params: BillParamsSchema,
      query: LedgerQuerySchema,
      response: LedgerPageSchema,
      errors: [404],
      handler: async ({ params, query }) => {
        await assertChainExists(db, params.id);
        return listEvents(db, params.id, query.after, query.limit);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/events/verify',
      tag: 'Ledger',
      summary: 'Recompute the bill’s hash chain and say where it breaks, if it does',
      params: BillParamsSchema,
      response: LedgerVerificationSchema,
      errors: [404],
      handler: async ({ params }) => {
        await assertChainExists(db, params.id);
        return verifyChain(db, params.id);
      },
    }),
  ];
}
