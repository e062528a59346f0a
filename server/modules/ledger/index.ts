/** The ledger module's public use cases. */
export { appendEvent, assertChainExists, chainHead, listEvents, verifyChain, type NewEvent } from './ledger.ts';
export { type EntriesPublished, ignoreEntries, recordChange, type RecordEntry } from './recordChange.ts';
export { ledgerRoutes } from './ledgerRoutes.ts';
