/**
 * HTTP endpoints of official responses: answer an amendment or a question (rapporteurs), the bill's response rate
 * and pending queue.
 */
import {
  AmendmentResponseBodySchema,
  AmendmentResponseParamsSchema,
  OfficialResponseSchema,
  QuestionResponseBodySchema,
  QuestionResponseParamsSchema,
  ResponseQueueQuerySchema,
  ResponseQueueSchema,
  ResponsesParamsSchema,
  ResponseSummarySchema,
  type ResponseTarget,
} from '../../../shared/api/responses.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { answerAmendment, answerQuestion } from './publishResponse.ts';
import { responseOf } from './responseQueries.ts';
import { responseQueue, responseSummary } from './responseRate.ts';

/** The answer just published, read back after its transaction committed. */
async function published(db: Database, target: ResponseTarget) {
  const response = await responseOf(db, target);
  if (!response) throw new Error(`the response to ${target.type} ${target.id} was not stored`);
  return response;
}

/** The response endpoints. */
export function responseRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'put',
      path: '/bills/:billId/amendments/:amendmentId/response',
      tag: 'Responses',
      summary: 'Give the avis and response on a deposited amendment, replacing any earlier one (rapporteurs)',
      auth: true,
      params: AmendmentResponseParamsSchema,
      body: AmendmentResponseBodySchema,
      response: OfficialResponseSchema,
      errors: [401, 403, 404],
      handler: async ({ actor, params, body }) => {
        await answerAmendment(deps, actor, params.billId, params.amendmentId, body);
        return published(db, { type: 'amendment', id: params.amendmentId });
      },
    }),
    defineRoute({
      method: 'put',
      path: '/bills/:billId/questions/:questionId/response',
      tag: 'Responses',
      summary: 'Answer a question, replacing any earlier answer (rapporteurs)',
      auth: true,
      params: QuestionResponseParamsSchema,
      body: QuestionResponseBodySchema,
      response: OfficialResponseSchema,
      errors: [401, 403, 404],
      handler: async ({ actor, params, body }) => {
        await answerQuestion(deps, actor, params.billId, params.questionId, body);
        return published(db, { type: 'question', id: params.questionId });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/responses/summary',
      tag: 'Responses',
      summary: 'The bill’s response rate over deposited amendments and questions',
      params: ResponsesParamsSchema,
      response: ResponseSummarySchema,
      errors: [404],
      handler: ({ params }) => responseSummary(db, params.billId),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/queue',
      tag: 'Responses',
      summary: 'What awaits an official answer: deposited amendments and questions without one, oldest first',
      params: ResponsesParamsSchema,
      query: ResponseQueueQuerySchema,
      response: ResponseQueueSchema,
      errors: [404],
      handler: ({ params, query }) => responseQueue(db, params.billId, query),
    }),
  ];
}
