/**
 * HTTP endpoints of questions: ask, list, read (with the answer).
 */
import {
  AskQuestionBodySchema,
  QuestionListQuerySchema,
  QuestionListSchema,
  QuestionParamsSchema,
  QuestionSchema,
  QuestionsParamsSchema,
} from '../../../shared/api/questions.ts';
import type { MountableRoute } from '../../http/route.ts';
import { contributionRoutes, type DeliberationDeps } from '../contributions/index.ts';
import { askQuestion } from './askQuestion.ts';
import { getQuestion, listQuestions } from './questionQueries.ts';

/** The question endpoints. */
export function questionRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { add, list, get } = contributionRoutes(deps, {
    tag: 'Questions',
    path: '/bills/:billId/questions',
    idParam: 'questionId',
    billParams: QuestionsParamsSchema,
    itemParams: QuestionParamsSchema,
    item: QuestionSchema,
    add: { summary: 'Ask the bill’s parliamentarians a question, on the bill or one of its articles', body: AskQuestionBodySchema, use: askQuestion },
    list: {
      summary: 'A bill’s questions, optionally on one article, with their answers; seeded random order by default',
      query: QuestionListQuerySchema,
      response: QuestionListSchema,
      use: listQuestions,
    },
    get: { summary: 'One question with its official answer, if any', use: getQuestion },
  });
  return [add, list, get];
}
