/**
 * HTTP endpoints of bills: thin wrappers that parse, call a use case and return its result.
 */
import { z } from 'zod';
import {
  BillListQuerySchema,
  BillListSchema,
  BillParamsSchema,
  BillSchema,
  CreateBillBodySchema,
  VersionParamsSchema,
  VersionSchema,
  VersionSummarySchema,
} from '../../../shared/api/bills.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { getBill, getVersion, listBills, listVersions } from './billQueries.ts';
import { createBill } from './createBill.ts';

/** The bill endpoints, bound to a database. */
export function billRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills',
      tag: 'Bills',
      summary: 'List bills, most recently updated first',
      query: BillListQuerySchema,
      response: BillListSchema,
      handler: ({ query }) => listBills(db, query),
    }),
    defineRoute({
      method: 'post',
      path: '/bills',
      tag: 'Bills',
      summary: 'Create a bill with its first text (admin)',
      auth: true,
      body: CreateBillBodySchema,
      status: 201,
      response: BillSchema,
      errors: [401, 403, 409],
      handler: async ({ actor, body }) => getBill(db, await createBill(db, actor, body)),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id',
      tag: 'Bills',
      summary: 'A bill: metadata and timeline of steps',
      params: BillParamsSchema,
      response: BillSchema,
      errors: [404],
      handler: ({ params }) => getBill(db, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/versions',
      tag: 'Bills',
      summary: 'The versions of a bill’s text, one per step that produced one',
      params: BillParamsSchema,
      response: z.object({ versions: z.array(VersionSummarySchema) }),
      errors: [404],
      handler: async ({ params }) => ({ versions: await listVersions(db, params.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/versions/:versionId',
      tag: 'Bills',
      summary: 'The full text of one version',
      params: VersionParamsSchema,
      response: VersionSchema,
      errors: [404],
      handler: ({ params }) => getVersion(db, params.id, params.versionId),
    }),
  ];
}
