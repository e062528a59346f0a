/**
 * The endpoints every kind of contribution listed on its own (arguments, sources, questions) has alike: add one
 * (signed in; the answer is the contribution as stored), list a bill's (seeded random order by default), read one.
 * Each kind brings its use cases, schemas and words; what the endpoints do with them is written once, here.
 */
import type { z } from 'zod';
import type { Actor } from '../../common/actor.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import type { DeliberationDeps } from './deps.ts';

type BillParams = { billId: string };

/** One kind of contribution as its endpoints need it; `Id` is the path parameter naming one, e.g. `sourceId`. */
export interface ContributionEndpoints<Id extends string, Item, Body, Query, List> {
  /** The OpenAPI tag, e.g. `Sources`. */
  tag: string;
  /** The path of the listing, e.g. `/bills/:billId/sources`; one contribution is at `<path>/:<idParam>`. */
  path: `/bills/:billId/${string}`;
  idParam: Id;
  billParams: z.ZodType<BillParams>;
  itemParams: z.ZodType<BillParams & Record<Id, string>>;
  /** One contribution as everyone sees it: the answer of both `add` and `get`. */
  item: z.ZodType<Item>;
  /** The use case adds the contribution and returns its id. */
  add: { summary: string; body: z.ZodType<Body>; use: (deps: DeliberationDeps, actor: Actor, billId: string, body: Body) => Promise<string> };
  list: { summary: string; query: z.ZodType<Query>; response: z.ZodType<List>; use: (db: Database, billId: string, query: Query) => Promise<List> };
  get: { summary: string; use: (db: Database, billId: string, id: string) => Promise<Item> };
}

/** The add, list and get routes of one kind of contribution, for its module to list in its own order. */
export function contributionRoutes<Id extends string, Item, Body, Query, List>(
  deps: DeliberationDeps,
  endpoints: ContributionEndpoints<Id, Item, Body, Query, List>,
): { add: MountableRoute; list: MountableRoute; get: MountableRoute } {
  const { db } = deps;
  const { tag, path, idParam, billParams, item, add, list, get } = endpoints;
  return {
    add: defineRoute({
      method: 'post',
      path,
      tag,
      summary: add.summary,
      auth: true,
      params: billParams,
      body: add.body,
      status: 201,
      response: item,
      errors: [401, 404],
      handler: async ({ actor, params, body }) => get.use(db, params.billId, await add.use(deps, actor, params.billId, body)),
    }),
    list: defineRoute({
      method: 'get',
      path,
      tag,
      summary: list.summary,
      params: billParams,
      query: list.query,
      response: list.response,
      errors: [404],
      handler: ({ params, query }) => list.use(db, params.billId, query),
    }),
    get: defineRoute({
      method: 'get',
      path: `${path}/:${idParam}`,
      tag,
      summary: get.summary,
      params: endpoints.itemParams,
      response: item,
      errors: [404],
      handler: ({ params }) => get.use(db, params.billId, params[idParam]),
    }),
  };
}
