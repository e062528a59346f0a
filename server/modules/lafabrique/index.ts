/** The La Fabrique import module's public use cases. */
export { importLaFabriqueBill, type ImportResult } from './importBill.ts';
export { importRoutes } from './importRoutes.ts';
export type { ProgressListener } from './readBill.ts';
export { type BillSource, directorySource, urlSource } from './sources.ts';
