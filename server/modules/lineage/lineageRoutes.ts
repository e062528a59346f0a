/** HTTP endpoints of lineage: one contribution's trace, and what became of the signed-in user's contributions. */
import {
  ContributionTraceSchema,
  MyContributionsQuerySchema,
  MyContributionsSchema,
  TraceParamsSchema,
  TraceQuerySchema,
} from '../../../shared/api/lineage.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { myContributions, traceContribution } from './traceContributions.ts';

const tag = 'Lineage';

export function lineageRoutes(deps: DeliberationDeps): MountableRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/contributions/:id/trace',
      summary: 'What became of an amendment, annotation or question: status history, answers, outcome, and where an adopted amendment’s words landed',
      tag,
      params: TraceParamsSchema,
      query: TraceQuerySchema,
      response: ContributionTraceSchema,
      errors: [404],
      handler: ({ params, query, actor }) => traceContribution(deps, actor, params.id, query.type),
    }),
    defineRoute({
      method: 'get',
      path: '/users/me/contributions',
      summary: 'What became of my contributions: my amendments, annotations and questions, most recent first, with their outcomes',
      tag,
      auth: true,
      query: MyContributionsQuerySchema,
      response: MyContributionsSchema,
      errors: [401],
      handler: ({ query, actor }) => myContributions(deps, actor, query),
    }),
  ];
}
