/**
 * A rapporteur of the bill answers a deposited amendment (with an avis) or a question. One answer is current per
 * target: answering again replaces it, under a new id, and the ledger keeps every answer with the one it replaced.
 */
import { and, eq } from 'drizzle-orm';
import type { AmendmentResponseBody, Avis, QuestionResponseBody, ResponseTarget } from '../../../shared/api/responses.ts';
import { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../common/actor.ts';
import { notFound } from '../../common/errors.ts';
import { newId } from '../../common/ids.ts';
import type { Database } from '../../storage/database.ts';
import { questions, responses } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertPublicAmendmentOfBill, type DeliberationDeps, requireRapporteur } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

async function assertQuestionOfBill(tx: Database, billId: string, questionId: string): Promise<void> {
  const [row] = await tx.select({ id: questions.id }).from(questions).where(and(eq(questions.id, questionId), eq(questions.billId, billId)));
  if (!row) throw notFound(ErrorCode.questionNotFound, `No question ${questionId} in this bill`);
}

async function publish(
  { db, published }: Deps,
  actor: Actor,
  billId: string,
  target: ResponseTarget,
  answer: { avis: Avis | null; body: string },
): Promise<string> {
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const user = await requireRapporteur(tx, actor, billId);
    if (target.type === 'amendment') await assertPublicAmendmentOfBill(tx, billId, target.id);
    else await assertQuestionOfBill(tx, billId, target.id);
    const [current] = await tx
      .select({ id: responses.id, authorId: responses.authorId, avis: responses.avis, body: responses.body })
      .from(responses)
      .where(and(eq(responses.targetType, target.type), eq(responses.targetId, target.id)));
    // The same answer by the same rapporteur again is a repeated request, not a new answer.
    if (current && current.authorId === user.id && current.avis === answer.avis && current.body === answer.body) return current.id;
    const id = newId();
    const now = new Date();
    const values = { id, authorId: user.id, avis: answer.avis, body: answer.body, createdAt: now, updatedAt: now };
    if (current) await tx.update(responses).set(values).where(eq(responses.id, current.id));
    else await tx.insert(responses).values({ ...values, billId, targetType: target.type, targetId: target.id });
    await record('response.published', user.id, { responseId: id, target, ...answer, replaces: current?.id ?? null });
    return id;
  });
}

/** A rapporteur gives the avis and response on a deposited amendment; resolves with the response's id. */
export function answerAmendment(deps: Deps, actor: Actor, billId: string, amendmentId: string, input: AmendmentResponseBody): Promise<string> {
  return publish(deps, actor, billId, { type: 'amendment', id: amendmentId }, { avis: input.avis, body: input.body });
}

/** A rapporteur answers a question; resolves with the response's id. */
export function answerQuestion(deps: Deps, actor: Actor, billId: string, questionId: string, input: QuestionResponseBody): Promise<string> {
  return publish(deps, actor, billId, { type: 'question', id: questionId }, { avis: null, body: input.body });
}
