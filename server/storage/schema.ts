/**
 * The database schema: the one definition of every table, for PGlite and PostgreSQL alike.
 * `npm run db:generate` turns changes here into a new SQL migration under ./migrations.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });

// drizzle has no bytea; pg hands back a Buffer and PGlite a Uint8Array, so both become a plain Uint8Array
// (a Buffer is not equal to a Uint8Array for deep comparison, and the two engines must read alike).
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value.constructor === Uint8Array ? value : new Uint8Array(value)),
});

/** People with an account. Reading needs none; contributing does. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  /** Interest-representative register number (HATVP), for organisations that have one. */
  organisationRegister: text('organisation_register'),
  createdAt: createdAt(),
});

/** Opaque credentials: browser sessions (cookie) and API tokens (bearer). Only a hash is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    label: text('label'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

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

/** Users who may write a bill's official text and decide on its amendments (rapporteurs, parliamentarians). */
export const billRapporteurs = pgTable(
  'bill_rapporteurs',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.userId] })],
);

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

/** Amendments: imported metadata today; drafts and deliberation build on the same rows. */
export const amendments = pgTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    stepId: text('step_id').references(() => billSteps.id, { onDelete: 'cascade' }),
    number: text('number'),
    origin: text('origin').notNull(),
    status: text('status').notNull(),
    authorName: text('author_name').notNull(),
    groupCode: text('group_code'),
    /** What the amendment targets, as the assembly files it ("Article 2", "Après l'article 5"). */
    subject: text('subject'),
    subjectOrder: integer('subject_order'),
    articleNumber: text('article_number'),
    date: day('date'),
    sourceId: text('source_id'),
    sourceUrl: text('source_url'),
    createdAt: createdAt(),
  },
  (t) => [index('amendments_bill_idx').on(t.billId), unique('amendments_number_uq').on(t.stepId, t.number)],
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

/** The per-bill, hash-chained, append-only event ledger. */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'restrict' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('events_bill_seq_uq').on(t.billId, t.seq), index('events_bill_id_idx').on(t.billId, t.id)],
);

/**
 * A collaborative document (`bill:<uuid>`, `amendment:<uuid>`…) and its compacted state. The log refers to it by
 * a small integer, so the name is stored once rather than in every log row and index entry.
 */
export const collabDocuments = pgTable('collab_documents', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  /** One Yjs update encoding every commit folded in so far, or null before the first compaction. */
  snapshot: bytea('snapshot'),
  /** The highest commit id folded in; commits still in the log are the ones not folded, whatever their id. */
  snapshotUptoCommitId: bigint('snapshot_upto_commit_id', { mode: 'number' }).notNull().default(0),
  compactedAt: timestamp('compacted_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

/**
 * The append-only log of a document's Yjs updates: one row per commit, holding that commit's updates packed in
 * order (see packUpdates). One row per group commit rather than per update keeps the row and index overhead
 * from dwarfing updates of a few dozen bytes.
 */
export const collabCommits = pgTable(
  'collab_commits',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => collabDocuments.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    updates: bytea('updates').notNull(),
    updateCount: integer('update_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.id] }),
    // An empty commit means a caller bug; the store refuses it too, this keeps the log clean whatever writes.
    check('collab_commits_nonempty', sql`${t.updateCount} > 0 and octet_length(${t.updates}) > 0`),
  ],
);

/** Every table, for drizzle's relational typing. */
export const schema = {
  users,
  authTokens,
  bills,
  billRapporteurs,
  billSteps,
  versions,
  versionSections,
  articles,
  versionArticles,
  politicalGroups,
  amendments,
  stepDebates,
  events,
  collabDocuments,
  collabCommits,
};

