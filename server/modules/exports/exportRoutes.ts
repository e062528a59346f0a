/**
 * HTTP endpoints of the open-data export: the bill as one JSON document or a zip of CSV tables (streamed as they are
 * read), and the README describing every field.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { OpenDataQuerySchema } from '../../../shared/api/exports.ts';
import { defineRoute } from '../../http/route.ts';
import { assertBillExists } from '../bills/index.ts';
import { type BillExport, openBillExport, writeCsvZip, writeJsonExport } from './billExport.ts';
import type { ExportDeps } from './contributionRows.ts';
import { OutputClosedError, streamSink } from './output.ts';
import { exportReadme } from './readme.ts';

/** Answers with the export written by `write`; a client that leaves stops it quietly. */
async function stream(res: Response, exported: BillExport, contentType: string, extension: string, write: typeof writeJsonExport): Promise<void> {
  res.writeHead(200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${exported.fileName}${extension}"`,
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  try {
    await write(streamSink(res), exported);
    res.end();
  } catch (error) {
    if (!(error instanceof OutputClosedError)) throw error;
  }
}

/** The open-data export endpoints. */
export function exportRoutes(deps: ExportDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/export',
      tag: 'Exports',
      summary:
        'Everything public about the bill, as one JSON document (default) or `?format=csv`: a zip of one CSV file per table with README.md. ' +
        'Streamed as it is read; every field is described at /bills/:id/export/README',
      params: BillParamsSchema,
      query: OpenDataQuerySchema,
      status: 200,
      response: null,
      stream: { contentType: 'application/json', item: z.record(z.string(), z.unknown()) },
      errors: [404],
      handler: async ({ params, query, res }) => {
        const exported = await openBillExport(deps, params.id);
        if (query.format === 'csv') await stream(res, exported, 'application/zip', '.csv.zip', writeCsvZip);
        else await stream(res, exported, 'application/json; charset=utf-8', '.json', writeJsonExport);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/export/README',
      tag: 'Exports',
      summary: 'The open-data export’s README (Markdown): every table and field, CSV conventions, how to verify the ledger',
      params: BillParamsSchema,
      status: 200,
      response: null,
      stream: { contentType: 'text/markdown', item: z.string() },
      errors: [404],
      handler: async ({ params, res }) => {
        await assertBillExists(deps.db, params.id);
        res.status(200).type('text/markdown; charset=utf-8').send(exportReadme());
      },
    }),
  ];
}
