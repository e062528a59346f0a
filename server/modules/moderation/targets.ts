/**
 * The five kinds of hideable contribution, seen the same way by moderation: where each lives, who wrote it, whether
 * it is hidden, a text excerpt for the queue, and how to set its moderation columns. Moderation owns those columns
 * (`hidden_at`, `hidden_reason`, `hidden_by`) on every hideable table; the other columns belong to their modules.
 */
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { ModerationTarget, ModerationTargetType } from '../../../shared/api/moderation.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments, annotations, debateArguments, questions, sources } from '../../storage/schema.ts';

/** How long the queue's excerpt of a reported text is, in characters. */
const EXCERPT_LENGTH = 280;

/** A contribution as moderation sees it. */
export interface TargetRow {
  id: string;
  billId: string;
  authorId: string | null;
  hiddenAt: Date | null;
  excerpt: string;
}

/** What setting or clearing a target's moderation columns writes. */
export interface HiddenColumns {
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenBy: string | null;
}

/** A hidden contribution's moderation columns. */
export interface HiddenRow {
  id: string;
  hiddenAt: Date;
  hiddenReason: string | null;
}

type HideableTable = typeof annotations | typeof amendments | typeof debateArguments | typeof sources | typeof questions;

/** The hidden rows among `ids` of one hideable table. */
async function hiddenAmong(tx: Database, table: HideableTable, ids: string[]): Promise<HiddenRow[]> {
  const rows = await tx
    .select({ id: table.id, hiddenAt: table.hiddenAt, hiddenReason: table.hiddenReason })
    .from(table)
    .where(and(inArray(table.id, ids), isNotNull(table.hiddenAt)));
  return rows.flatMap((row) => (row.hiddenAt === null ? [] : [{ ...row, hiddenAt: row.hiddenAt }]));
}

interface TargetAccess {
  notFound: ErrorCode;
  /** Its table, whose moderation columns `hiddenTargets` reads. */
  table: HideableTable;
  /** The public rows among `ids` (amendment drafts are not public), whatever their bill. */
  find(tx: Database, ids: string[]): Promise<TargetRow[]>;
  setHidden(tx: Database, id: string, columns: HiddenColumns): Promise<unknown>;
}

const excerptOf = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

const access: Record<ModerationTargetType, TargetAccess> = {
  annotation: {
    notFound: ErrorCode.annotationNotFound,
    table: annotations,
    find: (tx, ids) =>
      tx
        .select({ id: annotations.id, billId: annotations.billId, authorId: annotations.authorId, hiddenAt: annotations.hiddenAt, excerpt: annotations.body })
        .from(annotations)
        .where(inArray(annotations.id, ids)),
    setHidden: (tx, id, columns) => tx.update(annotations).set(columns).where(eq(annotations.id, id)),
  },
  amendment: {
    notFound: ErrorCode.amendmentNotFound,
    table: amendments,
    find: (tx, ids) =>
      tx
        .select({
          id: amendments.id,
          billId: amendments.billId,
          authorId: amendments.authorId,
          hiddenAt: amendments.hiddenAt,
          excerpt: sql<string>`coalesce(${amendments.dispositif}, ${amendments.expose}, ${amendments.subject}, '')`,
        })
        .from(amendments)
        .where(and(inArray(amendments.id, ids), ne(amendments.status, 'draft'))),
    setHidden: (tx, id, columns) => tx.update(amendments).set(columns).where(eq(amendments.id, id)),
  },
  argument: {
    notFound: ErrorCode.argumentNotFound,
    table: debateArguments,
    find: (tx, ids) =>
      tx
        .select({
          id: debateArguments.id,
          billId: debateArguments.billId,
          authorId: debateArguments.authorId,
          hiddenAt: debateArguments.hiddenAt,
          excerpt: debateArguments.body,
        })
        .from(debateArguments)
        .where(inArray(debateArguments.id, ids)),
    setHidden: (tx, id, columns) => tx.update(debateArguments).set(columns).where(eq(debateArguments.id, id)),
  },
  source: {
    notFound: ErrorCode.sourceNotFound,
    table: sources,
    find: (tx, ids) =>
      tx
        .select({
          id: sources.id,
          billId: sources.billId,
          authorId: sources.authorId,
          hiddenAt: sources.hiddenAt,
          excerpt: sql<string>`${sources.title} || ' — ' || ${sources.url}`,
        })
        .from(sources)
        .where(inArray(sources.id, ids)),
    setHidden: (tx, id, columns) => tx.update(sources).set(columns).where(eq(sources.id, id)),
  },
  question: {
    notFound: ErrorCode.questionNotFound,
    table: questions,
    find: (tx, ids) =>
      tx
        .select({ id: questions.id, billId: questions.billId, authorId: questions.authorId, hiddenAt: questions.hiddenAt, excerpt: questions.body })
        .from(questions)
        .where(inArray(questions.id, ids)),
    setHidden: (tx, id, columns) => tx.update(questions).set(columns).where(eq(questions.id, id)),
  },
};

/** The target if it is a public contribution of the bill; otherwise its kind's not-found error. */
export async function findTarget(tx: Database, billId: string, target: ModerationTarget): Promise<TargetRow> {
  const [row] = await access[target.type].find(tx, [target.id]);
  if (row === undefined || row.billId !== billId) throw notFound(access[target.type].notFound, `No ${target.type} ${target.id} in this bill`);
  return { ...row, excerpt: excerptOf(row.excerpt) };
}

/** Targets by kind and id, for the queue (missing ones are left out). */
export async function findTargets(tx: Database, targets: ModerationTarget[]): Promise<Map<string, TargetRow>> {
  const found = new Map<string, TargetRow>();
  for (const type of Object.keys(access) as ModerationTargetType[]) {
    const ids = [...new Set(targets.filter((target) => target.type === type).map((target) => target.id))];
    if (ids.length === 0) continue;
    for (const row of await access[type].find(tx, ids)) found.set(targetKey({ type, id: row.id }), { ...row, excerpt: excerptOf(row.excerpt) });
  }
  return found;
}

/** The hidden ones among these targets, keyed by targetKey (one query per kind present). */
export async function hiddenTargets(tx: Database, targets: readonly ModerationTarget[]): Promise<Map<string, HiddenRow>> {
  const hidden = new Map<string, HiddenRow>();
  for (const type of Object.keys(access) as ModerationTargetType[]) {
    const ids = [...new Set(targets.filter((target) => target.type === type).map((target) => target.id))];
    if (ids.length === 0) continue;
    for (const row of await hiddenAmong(tx, access[type].table, ids)) hidden.set(targetKey({ type, id: row.id }), row);
  }
  return hidden;
}

/** A map key for a target. */
export const targetKey = (target: ModerationTarget) => `${target.type}:${target.id}`;

/** Sets (or clears, with nulls) the target's moderation columns. */
export async function setHidden(tx: Database, target: ModerationTarget, columns: HiddenColumns): Promise<void> {
  await access[target.type].setHidden(tx, target.id, columns);
}

/**
 * Whether `userId` wrote the target: its author, or for an amendment any of its authors and co-authors
 * (an invitation not yet accepted does not count).
 */
export async function isOwnContent(tx: Database, target: ModerationTarget, row: TargetRow, userId: string): Promise<boolean> {
  if (row.authorId === userId) return true;
  if (target.type !== 'amendment') return false;
  const [author] = await tx
    .select({ userId: amendmentAuthors.userId })
    .from(amendmentAuthors)
    .where(
      and(
        eq(amendmentAuthors.amendmentId, target.id),
        eq(amendmentAuthors.userId, userId),
        inArray(amendmentAuthors.status, ['author', 'coauthor']),
      ),
    );
  return author !== undefined;
}
