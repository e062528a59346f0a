/** The history module's public use cases. */
export { getArticleHistory } from './articleHistory.ts';
export { getBillStats } from './billStats.ts';
export { diffVersions } from './diffVersions.ts';
export { historyRoutes } from './historyRoutes.ts';
