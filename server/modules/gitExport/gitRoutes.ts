/**
 * HTTP endpoint of the git export: the bill's history as a git bundle, streamed from the temporary file git wrote
 * (removed once sent). `git clone <file>.bundle` gives a repository with one commit per version.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { defineRoute, type MountableRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { withGitBundle } from './gitExport.ts';

/** The media type of a git bundle. */
export const GIT_BUNDLE_CONTENT_TYPE = 'application/x-git-bundle';

/** The git export endpoint. */
export function gitExportRoutes({ db }: { db: Database }): MountableRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/export/git',
      tag: 'Open data',
      summary: 'The bill’s history as a git bundle: one commit per version, one file per article (`git clone export.bundle`)',
      params: BillParamsSchema,
      response: null,
      stream: { contentType: GIT_BUNDLE_CONTENT_TYPE, item: z.string().meta({ description: 'A git bundle (binary)', format: 'binary' }) },
      errors: [404, 429, 503],
      handler: ({ params, res }) =>
        withGitBundle(db, params.id, async (bundle) => {
          const { size } = await stat(bundle);
          res.status(200);
          res.setHeader('Content-Type', GIT_BUNDLE_CONTENT_TYPE);
          res.setHeader('Content-Length', String(size));
          res.setHeader('Content-Disposition', `attachment; filename="${params.id.replace(/[^A-Za-z0-9_-]/g, '_')}.bundle"`);
          // A reader who goes away mid-download ends the stream; the bundle is removed all the same.
          await pipeline(createReadStream(bundle), res).catch(() => res.destroy());
        }),
    }),
  ];
}
