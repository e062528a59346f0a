/**
 * HTTP endpoints of sources: add, list, read.
 */
import { AddSourceBodySchema, SourceListQuerySchema, SourceListSchema, SourceParamsSchema, SourceSchema, SourcesParamsSchema } from '../../../shared/api/sources.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { addSource } from './addSource.ts';
import { getSource, listSources } from './sourceQueries.ts';

/** The source endpoints. */
export function sourceRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/sources',
      tag: 'Sources',
      summary: 'Offer a source (title, http(s) link, description) on an article or an amendment',
      auth: true,
      params: SourcesParamsSchema,
      body: AddSourceBodySchema,
      status: 201,
      response: SourceSchema,
      errors: [401, 404],
      handler: async ({ actor, params, body }) => getSource(db, params.billId, await addSource(deps, actor, params.billId, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/sources',
      tag: 'Sources',
      summary: 'A bill’s sources, filtered by target; seeded random order by default',
      params: SourcesParamsSchema,
      query: SourceListQuerySchema,
      response: SourceListSchema,
      errors: [404],
      handler: ({ params, query }) => listSources(db, params.billId, query),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/sources/:sourceId',
      tag: 'Sources',
      summary: 'One source',
      params: SourceParamsSchema,
      response: SourceSchema,
      errors: [404],
      handler: ({ params }) => getSource(db, params.billId, params.sourceId),
    }),
  ];
}
