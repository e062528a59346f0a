/** The ledger module's public use cases. */
export { appendEvent, assertChainExists, chainHead, listEvents, verifyChain, type NewEvent } from './ledger.ts';
export { ledgerRoutes } from './ledgerRoutes.ts';
