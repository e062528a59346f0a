/**
 * Reading amendments as their readers may see them: a draft exists only for its authors (and those invited), so to
 * anyone else it is amendment_not_found, exactly like an id that was never used.
 */
import { and, asc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { AmendmentAuthorSchema } from '../../../shared/api/amendments.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { amendmentAuthors, amendments, users } from '../../storage/schema.ts';
import { contributorColumns, contributorOf } from '../contributions/index.ts';
import type { z } from 'zod';

export type AmendmentRow = typeof amendments.$inferSelect;
export type AmendmentAuthor = z.infer<typeof AmendmentAuthorSchema>;

/** The authors of each amendment, first author first. */
export async function authorsOf(db: Database, amendmentIds: string[]): Promise<Map<string, AmendmentAuthor[]>> {
  const byAmendment = new Map<string, AmendmentAuthor[]>(amendmentIds.map((id) => [id, []]));
  if (amendmentIds.length === 0) return byAmendment;
  const rows = await db
    .select({ amendmentId: amendmentAuthors.amendmentId, status: amendmentAuthors.status, user: contributorColumns })
    .from(amendmentAuthors)
    .innerJoin(users, eq(users.id, amendmentAuthors.userId))
    .where(inArray(amendmentAuthors.amendmentId, amendmentIds))
    .orderBy(sql`${amendmentAuthors.status} = 'author' desc`, asc(amendmentAuthors.createdAt));
  for (const row of rows) {
    byAmendment.get(row.amendmentId)?.push({ user: contributorOf(row.user), status: row.status as AmendmentAuthor['status'] });
  }
  return byAmendment;
}

/** True when the user writes the amendment (first author or accepted co-author). */
export function isAuthor(authors: AmendmentAuthor[], userId: string | undefined): boolean {
  return authors.some((author) => author.user.id === userId && author.status !== 'invited');
}

/** The amendment of this bill, if the actor may see it; amendment_not_found otherwise. */
export async function findAmendment(db: Database, billId: string, amendmentId: string, actor: Actor): Promise<{ row: AmendmentRow; authors: AmendmentAuthor[] }> {
  const [row] = await db
    .select()
    .from(amendments)
    .where(and(eq(amendments.id, amendmentId), eq(amendments.billId, billId)));
  const authors = row ? ((await authorsOf(db, [row.id])).get(row.id) ?? []) : [];
  if (!row || (row.status === 'draft' && !authors.some((author) => author.user.id === actor?.id))) {
    throw notFound(ErrorCode.amendmentNotFound, `No amendment ${amendmentId} in this bill`);
  }
  return { row, authors };
}

/** The bill's amendments the actor may see: every non-draft, plus the actor's own drafts. */
export async function visibleAmendments(
  db: Database,
  billId: string,
  actor: Actor,
  filter: { status?: string | undefined; articleId?: string | undefined; mine?: boolean },
): Promise<AmendmentRow[]> {
  const mineIds = actor
    ? db.select({ id: amendmentAuthors.amendmentId }).from(amendmentAuthors).where(eq(amendmentAuthors.userId, actor.id))
    : null;
  const visible = mineIds ? or(ne(amendments.status, 'draft'), inArray(amendments.id, mineIds)) : ne(amendments.status, 'draft');
  return db
    .select()
    .from(amendments)
    .where(
      and(
        eq(amendments.billId, billId),
        filter.mine && mineIds ? inArray(amendments.id, mineIds) : visible,
        filter.status ? eq(amendments.status, filter.status) : undefined,
        filter.articleId ? eq(amendments.articleId, filter.articleId) : undefined,
      ),
    )
    .orderBy(sql`${amendments.numberSeq} nulls last`, asc(amendments.subjectOrder), asc(amendments.createdAt), asc(amendments.id));
}

/**
 * The bill's deposited amendments proposed here that target these articles' text: all that can collide with
 * changes to them (AMEND6), in number order. `article_id` is the target article of every kind that has one (drafting
 * stores the anchor's article there, and re-anchoring keeps it), so an index on it answers this.
 */
export async function depositedOnArticles(db: Database, billId: string, articleIds: readonly string[]): Promise<AmendmentRow[]> {
  if (articleIds.length === 0) return [];
  return db
    .select()
    .from(amendments)
    .where(and(eq(amendments.billId, billId), eq(amendments.status, 'deposited'), isNotNull(amendments.kind), inArray(amendments.articleId, [...new Set(articleIds)])))
    .orderBy(asc(amendments.numberSeq), asc(amendments.id));
}

/** The stored dispositif and exposé of an amendment proposed here, the first content of its document. */
export async function draftContentOf(db: Database, amendmentId: string): Promise<{ text: string; expose: string } | null> {
  const [row] = await db.select({ kind: amendments.kind, text: amendments.dispositif, expose: amendments.expose }).from(amendments).where(eq(amendments.id, amendmentId));
  return row && row.kind !== null ? { text: row.text ?? '', expose: row.expose ?? '' } : null;
}

/** The numbers of the bill's amendments among `ids` (deposited ones have one; drafts and unknown ids are left out). */
export async function amendmentNumbers(db: Database, billId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: amendments.id, number: amendments.number })
    .from(amendments)
    .where(and(eq(amendments.billId, billId), inArray(amendments.id, [...ids]), isNotNull(amendments.number)));
  return new Map(rows.flatMap((row) => (row.number === null ? [] : [[row.id, row.number] as const])));
}
