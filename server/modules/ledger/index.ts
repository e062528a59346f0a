/** The ledger module's public use cases. */
export { appendEvent, appendEvents, assertChainExists, chainHead, contentHead, listEvents, notAVote, verifyChain, type NewEvent } from './ledger.ts';
export { type EntriesPublished, ignoreEntries, recordChange, type RecordEntries, type RecordEntry } from './recordChange.ts';
export { ledgerRoutes } from './ledgerRoutes.ts';
export { entriesAbout, type EntriesQuery } from './entriesAbout.ts';
export { type LedgerSource, sqlLedgerSource } from './ledgerSource.ts';
export { readLatestOfTypes, readLedgerPage, type RedactEntries } from './publicLedger.ts';
