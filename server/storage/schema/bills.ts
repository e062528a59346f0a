/**
 * Bills and their content as La Fabrique de la loi models them (server/modules/bills, lafabrique, history): steps,
 * the version each step produced, its sections and articles, political groups, debate summaries. Imported rows get
 * ids derived from their natural key, so importing again updates them in place; what the model does not use is
 * kept as given in jsonb. Everything hangs off its bill and goes with it.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt, day } from './columns.ts';

/** A bill (dossier législatif). `sourceRef` keeps La Fabrique's id (e.g. pjl15-034) for imported bills. */
export const bills = pgTable('bills', {
  id: text('id').primaryKey(),
  sourceRef: text('source_ref').unique(),
  title: text('title').notNull(),
  shortTitle: text('short_title').notNull(),
  lawName: text('law_name'),
  loiDite: text('loi_dite'),
  proposalType: text('proposal_type'),
  beginning: day('beginning'),
  end: day('end'),
  urgence: boolean('urgence').notNull().default(false),
  /** The rest of the dossier's metadata (official URLs, themes, concordance table…), kept as given. */
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** A legislative step (La Fabrique's stage / institution / step), in procedure order. */
export const billSteps = pgTable(
  'bill_steps',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Stable key of the step within its bill; La Fabrique's directory name for imported steps. */
    key: text('key').notNull(),
    stage: text('stage').notNull(),
    institution: text('institution').notNull(),
    kind: text('kind'),
    date: day('date'),
    endDate: day('end_date'),
    debatsOrder: integer('debats_order'),
    echec: text('echec'),
    decision: text('decision'),
    sourceUrl: text('source_url'),
    amendmentCount: integer('amendment_count'),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [unique('bill_steps_position_uq').on(t.billId, t.position), unique('bill_steps_key_uq').on(t.billId, t.key)],
);

/** The text of a bill as it stood at the end of one step. */
export const versions = pgTable(
  'versions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    stepId: text('step_id')
      .notNull()
      .unique()
      .references(() => billSteps.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    expose: text('expose').notNull().default(''),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('versions_bill_idx').on(t.billId)],
);

/** Titles, chapters and sections of a version. */
export const versionSections = pgTable(
  'version_sections',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    newKey: text('new_key'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] })],
);

/** An article's identity across versions: matched by its working number, as La Fabrique does. */
export const articles = pgTable(
  'articles',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
  },
  (t) => [unique('articles_number_uq').on(t.billId, t.number)],
);

/** An article as it reads in one version: number, status and ordered alinéas. */
export const versionArticles = pgTable(
  'version_articles',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id, { onDelete: 'cascade' }),
    articleId: text('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    sectionKey: text('section_key'),
    status: text('status'),
    alineas: jsonb('alineas').$type<string[]>().notNull(),
    links: jsonb('links').$type<string[]>().notNull().default([]),
    /** Final number after renumbering (La Fabrique's `newtitre`), when known. */
    newNumber: text('new_number'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] }), unique('version_articles_article_uq').on(t.versionId, t.articleId)],
);

/** Political groups named by a bill's amendments (acronym, name, colour). */
export const politicalGroups = pgTable(
  'political_groups',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    color: text('color'),
    link: text('link'),
    displayOrder: integer('display_order'),
  },
  (t) => [primaryKey({ columns: [t.billId, t.code] })],
);

/** Debates of a step as La Fabrique summarises them: sittings, speakers, interventions per division. */
export const stepDebates = pgTable('step_debates', {
  stepId: text('step_id')
    .primaryKey()
    .references(() => billSteps.id, { onDelete: 'cascade' }),
  totalSittings: integer('total_sittings').notNull(),
  speakers: jsonb('speakers').$type<string[]>().notNull(),
  divisions: jsonb('divisions')
    .$type<{ title: string; order: number; totalInterventions: number; totalWords: number }[]>()
    .notNull(),
});
