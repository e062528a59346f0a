/**
 * HTTP endpoints of the La Fabrique export: the list of a bill's files, and each file at its own path, so that the
 * export's root (`/bills/:id/export/lafabrique/`) reads like La Fabrique's API root for a bill: any La Fabrique
 * reader, our own importer included, can be pointed at it.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { BillParamsSchema } from '../../../shared/api/bills.ts';
import { LaFabriqueFileListSchema, LaFabriqueTextParamsSchema, LaFabriqueVizParamsSchema } from '../../../shared/api/exports.ts';
import { defineRoute } from '../../http/route.ts';
import type { Database } from '../../storage/database.ts';
import { laFabriqueJson, openLaFabriqueExport } from './exportBill.ts';
import { textPath } from './readBill.ts';

const fileItem = z.record(z.string(), z.unknown());

async function sendFile(db: Database, res: Response, billId: string, path: string): Promise<void> {
  const exported = await openLaFabriqueExport(db, billId);
  const body = laFabriqueJson(await exported.file(path));
  res.status(200).type('application/json; charset=utf-8').send(body);
}

/** The La Fabrique export endpoints, bound to a database. */
export function laFabriqueExportRoutes({ db }: { db: Database }) {
  return [
    defineRoute({
      method: 'get',
      path: '/bills/:id/export/lafabrique',
      tag: 'Exports',
      summary: 'The bill’s files in La Fabrique de la loi’s format (procedure, texts, amendments, article histories), each served under this path',
      params: BillParamsSchema,
      response: LaFabriqueFileListSchema,
      errors: [404],
      handler: async ({ params }) => {
        const exported = await openLaFabriqueExport(db, params.id);
        return { billId: params.id, root: `/bills/${params.id}/export/lafabrique/`, files: exported.paths };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/export/lafabrique/viz/:file',
      tag: 'Exports',
      summary: 'One La Fabrique file of the bill: procedure.json, articles_etapes.json, interventions.json or amendements_<step>.json',
      params: LaFabriqueVizParamsSchema,
      status: 200,
      response: null,
      stream: { contentType: 'application/json', item: fileItem },
      errors: [404],
      handler: ({ params, res }) => sendFile(db, res, params.id, `viz/${params.file}`),
    }),
    defineRoute({
      method: 'get',
      path: '/bills/:id/export/lafabrique/procedure/:step/texte/texte.json',
      tag: 'Exports',
      summary: 'The text a step of the bill produced, in La Fabrique’s format',
      params: LaFabriqueTextParamsSchema,
      status: 200,
      response: null,
      stream: { contentType: 'application/json', item: fileItem },
      errors: [404],
      handler: ({ params, res }) => sendFile(db, res, params.id, textPath(params.step)),
    }),
  ];
}
