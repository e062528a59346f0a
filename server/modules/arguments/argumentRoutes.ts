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
import { contributionRoutes, type DeliberationDeps } from '../contributions/index.ts';
import { getArgument, listArguments } from './argumentQueries.ts';
import { createArgument, editArgument } from './writeArgument.ts';

/** The argument endpoints. */
export function argumentRoutes(deps: DeliberationDeps): MountableRoute[] {
  const { add, list, get } = contributionRoutes(deps, {
    tag: 'Arguments',
    path: '/bills/:billId/arguments',
    idParam: 'argumentId',
    billParams: ArgumentsParamsSchema,
    itemParams: ArgumentParamsSchema,
    item: ArgumentSchema,
    add: { summary: 'Argue pour or contre an article or an amendment', body: CreateArgumentBodySchema, use: createArgument },
    list: {
      summary: 'A bill’s arguments, filtered by target and side; seeded random order by default',
      query: ArgumentListQuerySchema,
      response: ArgumentListSchema,
      use: listArguments,
    },
    get: { summary: 'One argument with its votes', use: getArgument },
  });
  const edit = defineRoute({
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
      return getArgument(deps.db, params.billId, params.argumentId);
    },
  });
  return [add, edit, list, get];
}
