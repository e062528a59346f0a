/**
 * How well a bill's rapporteurs answer: the response rate over what is answerable (deposited amendments awaiting
 * a decision, and questions, that no moderator hid) and the queue of what still awaits an answer, oldest first.
 */
import { and, asc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { QueueItem, ResponseQueue, ResponseSummary } from '../../../shared/api/responses.ts';
import type { Database } from '../../storage/database.ts';
import { amendments, questions, responses, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf } from '../contributions/index.ts';

const EXCERPT_LENGTH = 280;

/** The answer to the row whose id is in `idColumn`, as a subquery for (not) exists. */
function answerOf(db: Database, type: 'amendment' | 'question', idColumn: typeof amendments.id | typeof questions.id) {
  return db
    .select({ one: sql`1` })
    .from(responses)
    .where(and(eq(responses.targetType, type), eq(responses.targetId, idColumn)));
}

const answerableAmendments = (billId: string) =>
  and(eq(amendments.billId, billId), eq(amendments.status, 'deposited'), isNull(amendments.hiddenAt));
const answerableQuestions = (billId: string) => and(eq(questions.billId, billId), isNull(questions.hiddenAt));

/** The bill's response rate. */
export async function responseSummary(db: Database, billId: string): Promise<ResponseSummary> {
  await assertBillExists(db, billId);
  const counts = (answered: ReturnType<typeof answerOf>) => ({
    answerable: sql<number>`count(*)::int`.mapWith(Number),
    answered: sql<number>`(count(*) filter (where exists ${answered}))::int`.mapWith(Number),
  });
  const [[ofAmendments], [ofQuestions]] = await Promise.all([
    db.select(counts(answerOf(db, 'amendment', amendments.id))).from(amendments).where(answerableAmendments(billId)),
    db.select(counts(answerOf(db, 'question', questions.id))).from(questions).where(answerableQuestions(billId)),
  ]);
  const answerable = (ofAmendments?.answerable ?? 0) + (ofQuestions?.answerable ?? 0);
  const answered = (ofAmendments?.answered ?? 0) + (ofQuestions?.answered ?? 0);
  return { answerable, answered, rate: answerable === 0 ? null : answered / answerable, pending: answerable - answered };
}

/** A page of what awaits an official answer in the bill, oldest first (amendments by their deposit). */
export async function responseQueue(db: Database, billId: string, page: { offset: number; limit: number }): Promise<ResponseQueue> {
  const { pending } = await responseSummary(db, billId);
  const pendingAmendments = db
    .select({
      kind: sql<'amendment' | 'question'>`'amendment'`.as('kind'),
      id: amendments.id,
      excerpt: sql<string>`left(coalesce(nullif(${amendments.dispositif}, ''), nullif(${amendments.expose}, ''), ${amendments.subject}, ''), ${EXCERPT_LENGTH})`.as('excerpt'),
      authorId: amendments.authorId,
      createdAt: sql<Date>`coalesce(${amendments.depositedAt}, ${amendments.createdAt})`.mapWith(amendments.createdAt).as('created_at'),
    })
    .from(amendments)
    .where(and(answerableAmendments(billId), notExists(answerOf(db, 'amendment', amendments.id))));
  const pendingQuestions = db
    .select({
      kind: sql<'amendment' | 'question'>`'question'`.as('kind'),
      id: questions.id,
      excerpt: sql<string>`left(${questions.body}, ${EXCERPT_LENGTH})`.as('excerpt'),
      authorId: questions.authorId,
      createdAt: sql<Date>`${questions.createdAt}`.mapWith(questions.createdAt).as('created_at'),
    })
    .from(questions)
    .where(and(answerableQuestions(billId), notExists(answerOf(db, 'question', questions.id))));
  const rows = await pendingAmendments
    .unionAll(pendingQuestions)
    .orderBy(asc(sql`created_at`), asc(sql`id`))
    .limit(page.limit)
    .offset(page.offset);
  const authorIds = [...new Set(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
  const authors = authorIds.length === 0 ? [] : await db.select(contributorColumns).from(users).where(inArray(users.id, authorIds));
  const authorById = new Map(authors.map((author) => [author.id, contributorOf(author)]));
  const items: QueueItem[] = rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    excerpt: row.excerpt,
    author: row.authorId === null ? null : (authorById.get(row.authorId) ?? null),
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, offset: page.offset, total: pending };
}
