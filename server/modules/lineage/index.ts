/** The lineage module's public use cases: trace a contribution, list what became of a user's contributions. */
export { lineageRoutes } from './lineageRoutes.ts';
export { myContributions, traceContribution } from './traceContributions.ts';
