/** The La Fabrique module’s public use cases: import a bill from La Fabrique de la loi’s files, export one as them. */
export { importLaFabriqueBill, type ImportResult } from './importBill.ts';
export { importRoutes } from './importRoutes.ts';
export type { ProgressListener } from './readBill.ts';
export { type BillSource, directorySource, urlSource } from './sources.ts';
export { ARTICLES_ETAPES_PATH, type LaFabriqueExport, laFabriqueJson, openLaFabriqueExport } from './exportBill.ts';
export { laFabriqueExportRoutes } from './exportRoutes.ts';
