/**
 * Exports of a bill (EXPORT rules): the open-data export (one JSON document, or a zip of CSV tables with their
 * README) and La Fabrique de la loi's own file layout, served file by file under the bill's export path.
 */
import { z } from 'zod';
import { BillParamsSchema } from './bills.ts';

/** Formats of the open-data export. */
export const OpenDataFormatSchema = z.enum(['json', 'csv']);
export type OpenDataFormat = z.infer<typeof OpenDataFormatSchema>;

/** Query of `GET /bills/:id/export`. */
export const OpenDataQuerySchema = z.object({
  format: OpenDataFormatSchema.default('json').meta({
    description: 'json: one JSON document holding every table; csv: a zip of one CSV file per table, with README.md',
  }),
});
export type OpenDataQuery = z.infer<typeof OpenDataQuerySchema>;

/** The La Fabrique files of a bill, by path relative to the export's root (La Fabrique's API layout). */
export const LaFabriqueFileListSchema = z
  .object({
    billId: z.string(),
    root: z.string().meta({ description: 'Path of the files’ root under /api/v1: give `<server>/api/v1<root>` to a La Fabrique reader' }),
    files: z.array(z.string()).meta({ example: ['viz/procedure.json', 'procedure/00_1erelecture_assemblee_depot/texte/texte.json'] }),
  })
  .meta({ id: 'LaFabriqueFiles' });
export type LaFabriqueFileList = z.infer<typeof LaFabriqueFileListSchema>;

/** Path of `GET /bills/:id/export/lafabrique/viz/:file`. */
export const LaFabriqueVizParamsSchema = BillParamsSchema.extend({
  file: z
    .string()
    .max(300)
    .regex(/^(procedure|articles_etapes|interventions|amendements_[^/]+)\.json$/, 'one of procedure.json, articles_etapes.json, interventions.json, amendements_<step>.json'),
});

/** Path of `GET /bills/:id/export/lafabrique/procedure/:step/texte/texte.json`. */
export const LaFabriqueTextParamsSchema = BillParamsSchema.extend({ step: z.string().min(1).max(200) });
