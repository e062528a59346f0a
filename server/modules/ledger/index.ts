/** The ledger module's public use cases. */
export { appendEvent, assertChainExists, listEvents, verifyChain, type NewEvent } from './ledger.ts';
export { ledgerRoutes } from './ledgerRoutes.ts';
