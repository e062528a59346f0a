/**
 * HTTP endpoints of arguments: add, edit (author only), list, read.
 */
import {
  ArgumentListQuerySchema,
  ArgumentListSchema,
  ArgumentParamsSchema,
  ArgumentSchema,
  ArgumentsParamsSchema,
  CreateArgumentBodySchema,
  EditArgumentBodySchema,
} from '../../../shared/api/arguments.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { DeliberationDeps } from '../contributions/index.ts';
import { getArgument, listArguments } from './argumentQueries.ts';
import { createArgument, editArgument } from './writeArgument.ts';

/** The argument endpoints. */
export function argumentRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { db } = deps;
  return [
    defineRoute({
      method: 'post',
      path: '/bills/:billId/arguments',
      tag: 'Arguments',
      summary: 'Argue pour or contre an article or an amendment',
      auth: true,
      params: ArgumentsParamsSchema,
      body: CreateArgumentBodySchema,
      status: 201,
      response: ArgumentSchema,
      errors: [401, 404],
      handler: async ({ actor, params, body }) => getArgument(db, params.billId, await createArgument(deps, actor, params.billId, body)),
    }),
    defineRoute({
      method: 'patch',
      path: '/bills/:billId/arguments/:argumentId',
      tag: 'Arguments',
      summary: 'Rewrite one’s argument (author only; recorded in the ledger)',
      auth: true,
      params: ArgumentParamsSchema,
      body: EditArgumentBodySchema,
      response: ArgumentSchema,
      errors: [401, 403, 404, 409],
      handler: async ({ actor, params, body }) => {
        await editArgument(deps, actor, params.billId, params.argumentId, body);
        return getArgument(db, params.billId, params.argumentId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/arguments',
      tag: 'Arguments',
      summary: 'A bill’s arguments, filtered by target and side; seeded random order by default',
      params: ArgumentsParamsSchema,
      query: ArgumentListQuerySchema,
      response: ArgumentListSchema,
      errors: [404],
      handler: ({ params, query }) => listArguments(db, params.billId, query),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:billId/arguments/:argumentId',
      tag: 'Arguments',
      summary: 'One argument with its votes',
      params: ArgumentParamsSchema,
      response: ArgumentSchema,
      errors: [404],
      handler: ({ params }) => getArgument(db, params.billId, params.argumentId),
    }),
  ];
}
