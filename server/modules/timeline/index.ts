/** The timeline module's public use cases: a text's evolution as data (TIME). */
export { getAmendmentSummary, getTimeline } from './billViews.ts';
export { timelineRoutes } from './timelineRoutes.ts';
