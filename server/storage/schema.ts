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
/** Columns of anything a moderator can hide: hidden content stays stored and shows as a tombstone with the reason. */
const moderated = () => ({
  hiddenAt: timestamp('hidden_at', { withTimezone: true, mode: 'date' }),
  hiddenReason: text('hidden_reason'),
  hiddenBy: text('hidden_by'),
});

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
    // Amendments proposed here (imported ones leave these null): who wrote it, what it changes and how.
    authorId: text('author_id').references(() => users.id),
    /** replace | insert | delete (a range) | rewrite_article | delete_article | add_article */
    kind: text('kind'),
    articleId: text('article_id').references(() => articles.id),
    /** For add_article: the article the new one follows (null: at the start). */
    afterArticleId: text('after_article_id').references(() => articles.id),
    /** The range or insertion point in the article's live text (see shared/anchors). */
    anchor: jsonb('anchor').$type<Record<string, unknown>>(),
    anchorStatus: text('anchor_status'),
    /** The proposed text (dispositif): replacement, insertion or whole new article. */
    dispositif: text('dispositif'),
    /** The rationale (exposé sommaire). */
    expose: text('expose'),
    /** A sous-amendement's parent: it rewrites the parent's dispositif rather than the bill. */
    parentId: text('parent_id'),
    /** Running number among this bill's amendments proposed here, assigned at deposit. */
    numberSeq: integer('number_seq'),
    /** The target text when the amendment was deposited, to tell later edits of the target from the proposal. */
    baseText: text('base_text'),
    /** The diff as it stood when the amendment left `deposited` (decided, withdrawn, fallen): what was voted on. */
    finalDiff: jsonb('final_diff').$type<{ before: string; after: string; parts: { op: 'equal' | 'insert' | 'delete'; text: string }[] }>(),
    /** Set when an adopted amendment changed the text this one targets without removing it. */
    needsRebase: boolean('needs_rebase').notNull().default(false),
    depositedAt: timestamp('deposited_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** For an adopted amendment: the collaborative commit that applied it to the bill's text. */
    appliedCommitId: bigint('applied_commit_id', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [
    index('amendments_bill_idx').on(t.billId),
    unique('amendments_number_uq').on(t.stepId, t.number),
    unique('amendments_number_seq_uq').on(t.billId, t.numberSeq),
    index('amendments_article_idx').on(t.articleId),
  ],
);

/** Who writes an amendment: its first author, and co-authors once they accept an author's invitation. */
export const amendmentAuthors = pgTable(
  'amendment_authors',
  {
    amendmentId: text('amendment_id')
      .notNull()
      .references(() => amendments.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** author | invited | coauthor */
    status: text('status').notNull(),
    invitedBy: text('invited_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.userId] }), index('amendment_authors_user_idx').on(t.userId)],
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

/** A highlighted range of the official text with a comment; replies share the thread root's id as parent. */
export const annotations = pgTable(
  'annotations',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** Null for an annotation; the thread's root annotation for a reply. */
    parentId: text('parent_id'),
    articleId: text('article_id').references(() => articles.id),
    anchor: jsonb('anchor').$type<Record<string, unknown>>(),
    anchorStatus: text('anchor_status'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [index('annotations_bill_idx').on(t.billId), index('annotations_parent_idx').on(t.parentId)],
);

/** One reaction (from a fixed set) per person, kind and annotation. */
export const reactions = pgTable(
  'reactions',
  {
    annotationId: text('annotation_id')
      .notNull()
      .references(() => annotations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    reaction: text('reaction').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.annotationId, t.userId, t.reaction] })],
);

/**
 * Votes d'accord / mitigé / pas d'accord on an article, an amendment or an argument: one per person and target,
 * held by the primary key whatever the concurrency; changing one's vote updates the row.
 */
export const votes = pgTable(
  'votes',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** article | amendment | argument */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** agree | mixed | disagree */
    value: text('value').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId, t.userId] }), index('votes_user_idx').on(t.userId)],
);

/** Running totals of `votes` per target, updated in the same transaction as each vote so reads stay cheap and exact. */
export const voteTallies = pgTable(
  'vote_tallies',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    agree: integer('agree').notNull().default(0),
    mixed: integer('mixed').notNull().default(0),
    disagree: integer('disagree').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.targetType, t.targetId] }), index('vote_tallies_bill_idx').on(t.billId)],
);

/** Arguments pour / contre an article or an amendment. */
export const debateArguments = pgTable(
  'arguments',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** pour | contre */
    side: text('side').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date' }),
    ...moderated(),
  },
  (t) => [index('arguments_target_idx').on(t.targetType, t.targetId), index('arguments_bill_idx').on(t.billId)],
);

/** Sources (title, link, description) offered on an article or an amendment. */
export const sources = pgTable(
  'sources',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    ...moderated(),
  },
  (t) => [index('sources_target_idx').on(t.targetType, t.targetId), index('sources_bill_idx').on(t.billId)],
);

/** Questions to a bill's parliamentarians, on the bill or one of its articles. */
export const questions = pgTable(
  'questions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    articleId: text('article_id').references(() => articles.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    ...moderated(),
  },
  (t) => [index('questions_bill_idx').on(t.billId)],
);

/** A parliamentarian's official answer to an amendment (with an avis) or a question; one current answer per target. */
export const responses = pgTable(
  'responses',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** amendment | question */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** favorable | defavorable | sagesse | retrait; null for a question */
    avis: text('avis'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('responses_target_uq').on(t.targetType, t.targetId), index('responses_bill_idx').on(t.billId)],
);

/** A user's report of a contribution to the moderators; one per reporter and target. */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    /** annotation | amendment | argument | source | question */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id),
    /** spam | offensive | off_topic | other */
    reason: text('reason').notNull(),
    text: text('text'),
    /** open | upheld (the content was hidden) | dismissed */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: text('resolved_by').references(() => users.id),
  },
  (t) => [unique('reports_reporter_uq').on(t.targetType, t.targetId, t.reporterId), index('reports_status_idx').on(t.status)],
);

/** The public moderation log: every hide and restore, with its public reason. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    moderatorId: text('moderator_id')
      .notNull()
      .references(() => users.id),
    /** hide | restore | dismiss */
    action: text('action').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('moderation_actions_bill_idx').on(t.billId, t.createdAt)],
);

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
  amendmentAuthors,
  stepDebates,
  annotations,
  reactions,
  votes,
  voteTallies,
  debateArguments,
  sources,
  questions,
  responses,
  reports,
  moderationActions,
  events,
  collabDocuments,
  collabCommits,
};

