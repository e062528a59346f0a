/**
 * HTTP endpoints of the ledger: page through a bill's entries (hidden text withheld, votes sealed), verify its chain.
 */
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { LedgerPageSchema, LedgerQuerySchema, LedgerVerificationSchema } from '../../../shared/api/ledger.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { assertChainExists, verifyChain } from './ledger.ts';
import { readLedgerPage, type RedactEntries } from './publicLedger.ts';

/** The ledger endpoints, bound to a database and the server's redaction of hidden content. */
export function ledgerRoutes({ db, redact }: { db: Database; redact: RedactEntries }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/events',
      tag: 'Ledger',
      summary: 'The bill’s ledger entries after `after`, or its `last` N, oldest first; hidden contributions’ text withheld, votes sealed',
      params: BillParamsSchema,
      query: LedgerQuerySchema,
      response: LedgerPageSchema,
      errors: [404],
      handler: ({ params, query }) => readLedgerPage(db, redact, params.id, query),
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
