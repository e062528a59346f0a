/**
 * The database schema, for PGlite and PostgreSQL alike: one file per domain concept under ./schema, each exporting
 * only tables, re-exported here so that the rest of the code imports every table from this one place.
 * `npm run db:generate` turns changes there into a new SQL migration under ./migrations.
 */
import * as amendmentTables from './schema/amendments.ts';
import * as attributionTables from './schema/attribution.ts';
import * as annotationTables from './schema/annotations.ts';
import * as argumentTables from './schema/arguments.ts';
import * as billTables from './schema/bills.ts';
import * as collabTables from './schema/collab.ts';
import * as ledgerTables from './schema/ledger.ts';
import * as moderationTables from './schema/moderation.ts';
import * as questionTables from './schema/questions.ts';
import * as responseTables from './schema/responses.ts';
import * as sourceTables from './schema/sources.ts';
import * as userTables from './schema/users.ts';
import * as voteTables from './schema/votes.ts';
import * as webhookTables from './schema/webhooks.ts';

// Named rather than `export *`: drizzle-kit reads this file and lists tables in the order its loader hands them
// over, sorted by name for named exports but file by file for `export *`; this keeps the snapshots as they were.
export { amendmentAuthors, amendments } from './schema/amendments.ts';
export { collabAuthors, versionAttributions } from './schema/attribution.ts';
export { annotations, reactions } from './schema/annotations.ts';
export { debateArguments } from './schema/arguments.ts';
export { articles, billSteps, bills, politicalGroups, stepDebates, versionArticles, versions, versionSections } from './schema/bills.ts';
export { collabCommits, collabDocuments } from './schema/collab.ts';
export { events } from './schema/ledger.ts';
export { moderationActions, reports } from './schema/moderation.ts';
export { questions } from './schema/questions.ts';
export { responses } from './schema/responses.ts';
export { sources } from './schema/sources.ts';
export { authTokens, billRapporteurs, users } from './schema/users.ts';
export { votes, voteTallies } from './schema/votes.ts';
export { webhookAttempts, webhookDeliveries, webhooks } from './schema/webhooks.ts';

/** Every table, for drizzle's relational typing. */
export const schema = {
  ...userTables,
  ...billTables,
  ...amendmentTables,
  ...annotationTables,
  ...voteTables,
  ...argumentTables,
  ...sourceTables,
  ...questionTables,
  ...responseTables,
  ...moderationTables,
  ...ledgerTables,
  ...collabTables,
  ...attributionTables,
  ...webhookTables,
};
