/** The moderation module's public use cases: reports, hiding and restoring contributions, the moderation log. */
export { dismissReports, hideContribution, listModerationLog, restoreContribution } from './actions.ts';
export { moderationRoutes } from './moderationRoutes.ts';
export { fileReport, listReportQueue } from './reports.ts';
