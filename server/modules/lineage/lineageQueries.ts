/**
 * What lineage reads besides the ledger: the contributions themselves (amendments, annotations, questions — ids are
 * random UUIDs, unique in practice across kinds, but no constraint says so, hence the optional kind), their authors,
 * bills' titles, replies, amendments' numbers, and a user's own contributions in one listing order.
 */
import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Anchor } from '../../../shared/anchors/index.ts';
import type { Contributor } from '../../../shared/api/contributions.ts';
import type { TraceKind } from '../../../shared/api/lineage.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments, annotations, bills, questions, users } from '../../storage/schema.ts';
import { contributorColumns, contributorOf } from '../contributions/index.ts';

/** What an amendment's lineage reads of it. */
export interface AmendmentFields {
  number: string | null;
  status: string;
  /** Null for an imported amendment. */
  kind: string | null;
  articleId: string | null;
  articleNumber: string | null;
  anchor: Anchor | null;
  stepId: string | null;
  decidedAt: Date | null;
  appliedCommitId: number | null;
  finalDiff: (typeof amendments.$inferSelect)['finalDiff'];
  /** Everyone named on it (first author, co-authors, invited), and whether they write it. */
  authors: { userId: string; writes: boolean }[];
}

/** A contribution as lineage reads it, whatever its kind. */
export interface Subject {
  kind: TraceKind;
  id: string;
  billId: string;
  authorId: string | null;
  authorName: string;
  /** The text its excerpt is taken from. */
  text: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  amendment: AmendmentFields | null;
  annotation: { parentId: string | null; articleId: string | null; anchor: Anchor | null; anchorStatus: string | null } | null;
  question: { articleId: string | null } | null;
}

const base = { amendment: null, annotation: null, question: null };

async function amendmentSubjects(db: Database, ids: readonly string[]): Promise<Subject[]> {
  const rows = await db.select().from(amendments).where(inArray(amendments.id, [...ids]));
  if (rows.length === 0) return [];
  const named = await db
    .select({ amendmentId: amendmentAuthors.amendmentId, userId: amendmentAuthors.userId, status: amendmentAuthors.status })
    .from(amendmentAuthors)
    .where(inArray(amendmentAuthors.amendmentId, rows.map((row) => row.id)));
  return rows.map((row) => ({
    ...base,
    kind: 'amendment',
    id: row.id,
    billId: row.billId,
    authorId: row.authorId,
    authorName: row.authorName,
    text: row.dispositif || row.expose || row.subject || '',
    createdAt: row.createdAt,
    hiddenAt: row.hiddenAt,
    hiddenReason: row.hiddenReason,
    amendment: {
      number: row.number,
      status: row.status,
      kind: row.kind,
      articleId: row.articleId,
      articleNumber: row.articleNumber,
      anchor: row.anchor as Anchor | null,
      stepId: row.stepId,
      decidedAt: row.decidedAt,
      appliedCommitId: row.appliedCommitId,
      finalDiff: row.finalDiff,
      authors: named.filter((author) => author.amendmentId === row.id).map((author) => ({ userId: author.userId, writes: author.status !== 'invited' })),
    },
  }));
}

async function annotationSubjects(db: Database, ids: readonly string[]): Promise<Subject[]> {
  const rows = await db.select({ annotation: annotations, authorName: users.displayName }).from(annotations).innerJoin(users, eq(users.id, annotations.authorId)).where(inArray(annotations.id, [...ids]));
  return rows.map(({ annotation, authorName }) => {
    const anchor = annotation.anchor as Anchor | null;
    return {
      ...base,
      kind: 'annotation',
      id: annotation.id,
      billId: annotation.billId,
      authorId: annotation.authorId,
      authorName,
      text: annotation.body,
      createdAt: annotation.createdAt,
      hiddenAt: annotation.hiddenAt,
      hiddenReason: annotation.hiddenReason,
      annotation: { parentId: annotation.parentId, articleId: anchor?.articleId ?? annotation.articleId, anchor, anchorStatus: annotation.anchorStatus },
    };
  });
}

async function questionSubjects(db: Database, ids: readonly string[]): Promise<Subject[]> {
  const rows = await db.select({ question: questions, authorName: users.displayName }).from(questions).innerJoin(users, eq(users.id, questions.authorId)).where(inArray(questions.id, [...ids]));
  return rows.map(({ question, authorName }) => ({
    ...base,
    kind: 'question',
    id: question.id,
    billId: question.billId,
    authorId: question.authorId,
    authorName,
    text: question.body,
    createdAt: question.createdAt,
    hiddenAt: question.hiddenAt,
    hiddenReason: question.hiddenReason,
    question: { articleId: question.articleId },
  }));
}

const loaders: Record<TraceKind, (db: Database, ids: readonly string[]) => Promise<Subject[]>> = {
  amendment: amendmentSubjects,
  annotation: annotationSubjects,
  question: questionSubjects,
};

/** The contributions of one kind with these ids (those that exist), in no particular order. */
export function subjectsOfKind(db: Database, kind: TraceKind, ids: readonly string[]): Promise<Subject[]> {
  return ids.length === 0 ? Promise.resolve([]) : loaders[kind](db, ids);
}

/** The authors' (and other actors') badges, by user id. */
export async function contributorsById(db: Database, userIds: readonly string[]): Promise<Map<string, Contributor>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db.select(contributorColumns).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, contributorOf(row)]));
}

/** Bills' short titles, by id. */
export async function billTitles(db: Database, billIds: readonly string[]): Promise<Map<string, string>> {
  if (billIds.length === 0) return new Map();
  const rows = await db.select({ id: bills.id, shortTitle: bills.shortTitle }).from(bills).where(inArray(bills.id, [...new Set(billIds)]));
  return new Map(rows.map((row) => [row.id, row.shortTitle]));
}

/** How many replies each of these annotations has. */
export async function replyCounts(db: Database, rootIds: readonly string[]): Promise<Map<string, number>> {
  if (rootIds.length === 0) return new Map();
  const rows = await db
    .select({ parentId: annotations.parentId, n: count() })
    .from(annotations)
    .where(inArray(annotations.parentId, [...rootIds]))
    .groupBy(annotations.parentId);
  return new Map(rows.flatMap((row) => (row.parentId === null ? [] : [[row.parentId, row.n]])));
}

/** Amendments' numbers, by id. */
export async function amendmentNumbers(db: Database, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: amendments.id, number: amendments.number }).from(amendments).where(inArray(amendments.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.number]));
}

/** A contribution in a listing: its kind and id. */
export interface SubjectRef {
  kind: TraceKind;
  id: string;
}

/**
 * A page of the user's own contributions, most recent first: amendments they write (first author or co-author,
 * drafts included), their annotations and replies, their questions.
 */
export async function ownContributions(
  db: Database,
  userId: string,
  page: { kind?: TraceKind | undefined; offset: number; limit: number },
): Promise<{ refs: SubjectRef[]; total: number }> {
  const wanted = (kind: TraceKind) => page.kind === undefined || page.kind === kind;
  const written = and(eq(amendmentAuthors.userId, userId), ne(amendmentAuthors.status, 'invited'));
  const ownAmendments = db
    .select({ kind: sql<TraceKind>`'amendment'`.as('kind'), id: amendments.id, createdAt: sql<Date>`${amendments.createdAt}`.mapWith(amendments.createdAt).as('created_at') })
    .from(amendments)
    .innerJoin(amendmentAuthors, eq(amendmentAuthors.amendmentId, amendments.id))
    .where(and(written, wanted('amendment') ? undefined : sql`false`));
  const ownAnnotations = db
    .select({ kind: sql<TraceKind>`'annotation'`.as('kind'), id: annotations.id, createdAt: sql<Date>`${annotations.createdAt}`.mapWith(annotations.createdAt).as('created_at') })
    .from(annotations)
    .where(and(eq(annotations.authorId, userId), wanted('annotation') ? undefined : sql`false`));
  const ownQuestions = db
    .select({ kind: sql<TraceKind>`'question'`.as('kind'), id: questions.id, createdAt: sql<Date>`${questions.createdAt}`.mapWith(questions.createdAt).as('created_at') })
    .from(questions)
    .where(and(eq(questions.authorId, userId), wanted('question') ? undefined : sql`false`));
  const [rows, totals] = await Promise.all([
    ownAmendments.unionAll(ownAnnotations).unionAll(ownQuestions).orderBy(desc(sql`created_at`), sql`id`).limit(page.limit).offset(page.offset),
    Promise.all([
      wanted('amendment') ? db.select({ n: count() }).from(amendmentAuthors).where(written) : [{ n: 0 }],
      wanted('annotation') ? db.select({ n: count() }).from(annotations).where(eq(annotations.authorId, userId)) : [{ n: 0 }],
      wanted('question') ? db.select({ n: count() }).from(questions).where(eq(questions.authorId, userId)) : [{ n: 0 }],
    ]),
  ]);
  return { refs: rows.map((row) => ({ kind: row.kind, id: row.id })), total: totals.reduce((sum, [row]) => sum + (row?.n ?? 0), 0) };
}
