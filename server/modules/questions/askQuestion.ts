/**
 * Anyone signed in asks the bill's parliamentarians a question, on the whole bill or on one of its articles; it is
 * recorded in the bill's ledger and waits in the bill's queue until a rapporteur answers.
 */
import type { AskQuestionBody } from '../../../shared/api/questions.ts';
import type { Actor } from '../../common/actor.ts';
import { requireUser } from '../../common/guards.ts';
import { newId } from '../../common/ids.ts';
import { questions } from '../../storage/schema.ts';
import { assertBillExists } from '../bills/index.ts';
import { assertArticleOfBill, type DeliberationDeps } from '../contributions/index.ts';
import { recordChange } from '../ledger/index.ts';

type Deps = Pick<DeliberationDeps, 'db' | 'published'>;

/** Asks a question; resolves with its id. */
export async function askQuestion({ db, published }: Deps, actor: Actor, billId: string, input: AskQuestionBody): Promise<string> {
  const user = requireUser(actor);
  return recordChange(db, published, billId, async (tx, record) => {
    await assertBillExists(tx, billId);
    const articleId = input.articleId ?? null;
    if (articleId !== null) await assertArticleOfBill(tx, billId, articleId);
    const id = newId();
    await tx.insert(questions).values({ id, billId, articleId, authorId: user.id, body: input.body });
    await record('question.asked', user.id, { questionId: id, articleId, body: input.body });
    return id;
  });
}
