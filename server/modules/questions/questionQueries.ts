/**
 * Reading questions: one by id, or a page of a bill's questions in the order the reader asked for, each with its
 * official answer once there is one.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { OfficialResponse } from '../../../shared/api/responses.ts';
import type { Question, QuestionList, QuestionListQuery } from '../../../shared/api/questions.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import { notFound } from '../../common/errors.ts';
import type { Database } from '../../storage/database.ts';
import { questions, users } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { contributorColumns, contributorOf, listingPage, tombstoneOf, visibleText } from '../contributions/index.ts';
import { responsesOf } from '../responses/index.ts';

const columns = {
  id: questions.id,
  articleId: questions.articleId,
  body: questions.body,
  createdAt: questions.createdAt,
  hiddenAt: questions.hiddenAt,
  hiddenReason: questions.hiddenReason,
  author: contributorColumns,
};

type QuestionRow = {
  id: string;
  articleId: string | null;
  body: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  author: Parameters<typeof contributorOf>[0];
};

/** Selects questions with their authors. */
const selectQuestions = (db: Database) => db.select(columns).from(questions).innerJoin(users, eq(users.id, questions.authorId));

function present(row: QuestionRow, response: OfficialResponse | undefined): Question {
  return {
    id: row.id,
    articleId: row.articleId,
    author: contributorOf(row.author),
    body: visibleText(row, row.body),
    tombstone: tombstoneOf(row),
    createdAt: row.createdAt.toISOString(),
    response: response ?? null,
  };
}

/** One question of a bill with its answer, or question_not_found. */
export async function getQuestion(db: Database, billId: string, questionId: string): Promise<Question> {
  const [row] = await selectQuestions(db).where(and(eq(questions.id, questionId), eq(questions.billId, billId)));
  if (!row) {
    await assertBillExists(db, billId);
    throw notFound(ErrorCode.questionNotFound, `No question ${questionId} in this bill`);
  }
  const answers = await responsesOf(db, 'question', [row.id]);
  return present(row, answers.get(row.id));
}

/** A page of a bill's questions, optionally on one article; random order by default, seed echoed back. */
export async function listQuestions(db: Database, billId: string, query: QuestionListQuery): Promise<QuestionList> {
  await assertBillExists(db, billId);
  const filters: SQL[] = [eq(questions.billId, billId)];
  if (query.articleId) filters.push(eq(questions.articleId, query.articleId));
  // Questions have no votes: `popular` falls back to the most recent.
  const { rows, listing } = await listingPage(db, { select: selectQuestions(db).$dynamic(), table: questions, where: and(...filters) }, query);
  const answers = await responsesOf(db, 'question', rows.map((row) => row.id));
  return { ...listing, questions: rows.map((row) => present(row, answers.get(row.id))) };
}
