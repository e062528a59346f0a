/**
 * HTTP endpoint for admins to import a bill into the running server.
 */
import { ImportBodySchema, ImportResultSchema } from '../../../shared/api/imports.ts';
import { requireAdmin } from '../../common/guards.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { importLaFabriqueBill } from './importBill.ts';
import { bundleSource, urlSource } from './sources.ts';

/** The import endpoint, bound to a database. */
export function importRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'post',
      path: '/imports',
      tag: 'Imports',
      summary: 'Import or update a bill from La Fabrique de la loi (admin)',
      auth: true,
      body: ImportBodySchema,
      bodyLimit: '50mb',
      response: ImportResultSchema,
      errors: [401, 403, 413, 422, 502],
      handler: async ({ actor, body, res }) => {
        requireAdmin(actor);
        const source = 'url' in body ? urlSource(body.url) : bundleSource(body.files);
        const result = await importLaFabriqueBill(db, actor, source);
        res.status(result.created ? 201 : 200);
        return result;
      },
    }),
  ];
}
