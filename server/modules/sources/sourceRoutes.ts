/**
 * HTTP endpoints of sources: add, list, read.
 */
import { AddSourceBodySchema, SourceListQuerySchema, SourceListSchema, SourceParamsSchema, SourceSchema, SourcesParamsSchema } from '../../../shared/api/sources.ts';
import type { MountableRoute } from '../../http/route.ts';
import { contributionRoutes, type DeliberationDeps } from '../contributions/index.ts';
import { addSource } from './addSource.ts';
import { getSource, listSources } from './sourceQueries.ts';

/** The source endpoints. */
export function sourceRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { add, list, get } = contributionRoutes(deps, {
    tag: 'Sources',
    path: '/bills/:billId/sources',
    idParam: 'sourceId',
    billParams: SourcesParamsSchema,
    itemParams: SourceParamsSchema,
    item: SourceSchema,
    add: { summary: 'Offer a source (title, http(s) link, description) on an article or an amendment', body: AddSourceBodySchema, use: addSource },
    list: {
      summary: 'A bill’s sources, filtered by target; seeded random order by default',
      query: SourceListQuerySchema,
      response: SourceListSchema,
      use: listSources,
    },
    get: { summary: 'One source', use: getSource },
  });
  return [add, list, get];
}
