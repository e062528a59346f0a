/** The open-data export module's public use cases: a bill's export as JSON or CSV tables, and its README. */
export { type BillExport, openBillExport, type TableProgress, writeCsvZip, writeJsonExport } from './billExport.ts';
export type { ExportDeps } from './contributionRows.ts';
export { exportRoutes } from './exportRoutes.ts';
export { type ByteSink, OutputClosedError, streamSink } from './output.ts';
export { exportReadme } from './readme.ts';
export { EXPORT_SCHEMA_VERSION } from './fields.ts';
export { exportTable, TABLES } from './tables.ts';
