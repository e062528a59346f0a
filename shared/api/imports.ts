/**
 * Importing a bill from La Fabrique de la loi's data.
 */
import { z } from 'zod';

/** Body of `POST /imports`: La Fabrique's API root for a bill, or the bill's files themselves. */
export const ImportBodySchema = z
  .union([
    z.object({
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .meta({ description: "La Fabrique's API root for the bill", example: 'https://www.lafabriquedelaloi.fr/api/pjl15-034/' }),
    }),
    z.object({
      files: z
        .record(z.string().regex(/^(viz|procedure)\/[^\\]+\.json$/, 'must be a path like viz/procedure.json'), z.unknown())
        .meta({ description: 'File contents keyed by their path in La Fabrique’s layout (viz/procedure.json, procedure/<step>/texte/texte.json, …)' }),
    }),
  ])
  .meta({ id: 'ImportRequest' });

/** What an import did. */
export const ImportResultSchema = z
  .object({
    billId: z.string(),
    sourceRef: z.string(),
    created: z.boolean().meta({ description: 'False when the bill existed and was updated' }),
    summary: z.object({
      steps: z.number().int(),
      versions: z.array(z.object({ id: z.string(), stepKey: z.string(), digest: z.string() })),
      articles: z.number().int(),
      amendments: z.number().int(),
    }),
  })
  .meta({ id: 'ImportResult' });

export type ImportBody = z.infer<typeof ImportBodySchema>;
