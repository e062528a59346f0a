/** The bills module's public use cases. */
export type { AmendmentContent, ArticleContent, BillContent, StepContent, TextContent } from './billContent.ts';
export { AmendmentStatus } from './billContent.ts';
export { assertBillExists, getBill, getLatestVersion, getVersion, listBills, listVersions } from './billQueries.ts';
export { billRoutes } from './billRoutes.ts';
export { createBill } from './createBill.ts';
export { loadBillContent, type StoredBillContent } from './loadBillContent.ts';
export { articleIdOf, saveBillContent, type SaveSummary } from './saveBillContent.ts';
export { lockSourceRef } from './sourceRefLock.ts';
export { type AppendedStep, appendStep, stepKeyOf } from './appendStep.ts';
export type { BillTexts, EditAuthor } from './billTexts.ts';
