/**
 * The moderation module's public use cases: reports, hiding and restoring contributions, the moderation log, and
 * hidden text withheld from ledger entries read for the public.
 */
export { dismissReports, hideContribution, listModerationLog, restoreContribution } from './actions.ts';
export { redactHiddenContent } from './ledgerRedaction.ts';
export { moderationRoutes } from './moderationRoutes.ts';
export { fileReport, listReportQueue } from './reports.ts';
