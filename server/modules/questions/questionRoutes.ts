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
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { askQuestion } from './askQuestion.ts';
import { getQuestion, listQuestions } from './questionQueries.ts';

/** The question endpoints. */
export function questionRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/questions',
      tag: 'Questions',
      summary: 'Ask the bill’s parliamentarians a question, on the bill or one of its articles',
      auth: true,
      params: QuestionsParamsSchema,
      body: AskQuestionBodySchema,
      status: 201,
      response: QuestionSchema,
      errors: [401, 404],
      handler: async ({ actor, params, body }) => getQuestion(db, params.billId, await askQuestion(deps, actor, params.billId, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/questions',
      tag: 'Questions',
      summary: 'A bill’s questions, optionally on one article, with their answers; seeded random order by default',
      params: QuestionsParamsSchema,
      query: QuestionListQuerySchema,
      response: QuestionListSchema,
      errors: [404],
      handler: ({ params, query }) => listQuestions(db, params.billId, query),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/questions/:questionId',
      tag: 'Questions',
      summary: 'One question with its official answer, if any',
      params: QuestionParamsSchema,
      response: QuestionSchema,
      errors: [404],
      handler: ({ params }) => getQuestion(db, params.billId, params.questionId),
    }),
  ];
}
