/**
 * HTTP endpoint of blame: who wrote each word of a version.
 */
import { VersionParamsSchema } from '../../../shared/api/bills.ts';
import { VersionBlameSchema } from '../../../shared/api/blame.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { getVersionBlame } from './versionBlame.ts';

/** The blame endpoint, bound to a database. */
export function blameRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/versions/:versionId/blame',
      tag: 'History',
      summary:
        'Every word of the version with the step it first appeared in and, where known, the adopted amendment and its authors ' +
        'or the rapporteur whose live edit wrote it, as runs of consecutive words per article',
      params: VersionParamsSchema,
      response: VersionBlameSchema,
      errors: [404],
      handler: ({ params }) => getVersionBlame(db, params.id, params.versionId),
    }),
  ];
}
