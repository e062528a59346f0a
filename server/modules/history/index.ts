/** The history module's public use cases. */
export { getArticleHistory } from './articleHistory.ts';
export { getBillStats } from './billStats.ts';
export { diffVersions } from './diffVersions.ts';
export { historyStream } from './historyStream.ts';
export { diffTexts } from './textDiffs.ts';
export { billPoolStats, closeHistoryPools, diffPoolStats } from './workers/pools.ts';
export { articleHistoriesOf } from './wholeBill.ts';
export { historyRoutes } from './historyRoutes.ts';
export { type ArticleHistory, orderStepsForHistory } from './lafabrique/articleHistory.ts';
// What other views of a text's evolution build on (server/modules/timeline): the bill as La Fabrique's neutral
// procedure, its per-text figures and procedure counts, its article order, and the per-revision cache.
export { procedureOf } from './procedureOf.ts';
export { RevisionCache } from './revisionCache.ts';
export { compareArticleNumbers } from './lafabrique/articleOrder.ts';
export { readArticleSkeletons, stepTextLength, stepWordCount } from './lafabrique/stats.ts';
export { computeProcedureCounts } from './lafabrique/statsCounts.ts';
