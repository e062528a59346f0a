/**
 * Every table of the open-data export, in the order the JSON document, the zip and the README give them.
 */
import {
  amendmentAuthorsTable,
  amendmentsTable,
  annotationsTable,
  argumentsTable,
  ledgerTable,
  moderationTable,
  questionsTable,
  responsesTable,
  sourcesTable,
  voteTalliesTable,
} from './contributionTables.ts';
import { billTable, debatesTable, groupsTable, sectionsTable, stepsTable, versionsTable, articlesTable } from './textTables.ts';

export { exportTable } from './textTables.ts';

/** The tables, in order. */
export const TABLES = [
  billTable,
  stepsTable,
  versionsTable,
  sectionsTable,
  articlesTable,
  groupsTable,
  debatesTable,
  amendmentsTable,
  amendmentAuthorsTable,
  responsesTable,
  voteTalliesTable,
  argumentsTable,
  sourcesTable,
  questionsTable,
  annotationsTable,
  moderationTable,
  ledgerTable,
] as const;

/** A table's name. */
export type TableName = (typeof TABLES)[number]['name'];

export {
  amendmentAuthorsTable,
  amendmentsTable,
  annotationsTable,
  argumentsTable,
  articlesTable,
  billTable,
  debatesTable,
  groupsTable,
  ledgerTable,
  moderationTable,
  questionsTable,
  responsesTable,
  sectionsTable,
  sourcesTable,
  stepsTable,
  versionsTable,
  voteTalliesTable,
};
