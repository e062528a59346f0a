/** The blame module's public use cases: who wrote each word of a version. */
export { blameRoutes } from './blameRoutes.ts';
export { attributeLiveText, type LiveArticleAttribution } from './liveAttribution.ts';
export { saveVersionAttributions } from './blameQueries.ts';
export { getVersionBlame } from './versionBlame.ts';
