/**
 * Bills, their legislative steps and the versions of their text, as the API presents them.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** A legislative step: La Fabrique's stage / institution / step, with its outcome. */
export const StepSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    key: z.string().meta({ description: "Stable key within the bill (La Fabrique's step directory for imports)" }),
    stage: z.string().meta({ example: '1ère lecture' }),
    institution: z.string().meta({ example: 'assemblee' }),
    kind: z.string().nullable().meta({ description: 'depot, commission or hemicycle', example: 'commission' }),
    date: isoDay.nullable(),
    endDate: isoDay.nullable(),
    echec: z.string().nullable().meta({ description: 'Failure of the step ("échec", "rejet"), if any' }),
    decision: z.string().nullable().meta({ description: "Conseil constitutionnel's decision, if any" }),
    debatsOrder: z.number().int().nullable(),
    sourceUrl: z.string().nullable(),
    amendmentCount: z.number().int().nullable(),
    versionId: z.string().nullable().meta({ description: 'The text adopted at the end of this step, if one was produced' }),
  })
  .meta({ id: 'Step' });

/** A bill in listings. */
export const BillSummarySchema = z
  .object({
    id: z.string(),
    sourceRef: z.string().nullable().meta({ description: "La Fabrique's id for imported bills", example: 'pjl15-034' }),
    title: z.string(),
    shortTitle: z.string(),
    loiDite: z.string().nullable(),
    lawName: z.string().nullable(),
    proposalType: z.string().nullable(),
    beginning: isoDay.nullable(),
    end: isoDay.nullable(),
    urgence: z.boolean(),
    versionCount: z.number().int(),
    lastStep: StepSchema.pick({ stage: true, institution: true, kind: true, date: true }).nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BillSummary' });

/** A bill with its timeline of steps. */
export const BillSchema = BillSummarySchema.extend({
  metadata: z.record(z.string(), z.unknown()),
  steps: z.array(StepSchema),
  rapporteurs: z.array(z.object({ id: z.string(), displayName: z.string() })),
}).meta({ id: 'Bill' });

/** A page of bills. */
export const BillListSchema = z
  .object({ bills: z.array(BillSummarySchema), total: z.number().int() })
  .meta({ id: 'BillList' });

/** Query of `GET /bills`. */
export const BillListQuerySchema = z.object({
  q: z.string().max(200).optional().meta({ description: 'Words to find in titles or the source reference' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A version in listings. */
export const VersionSummarySchema = z
  .object({
    id: z.string(),
    stepId: z.string(),
    stepKey: z.string(),
    stage: z.string(),
    institution: z.string(),
    kind: z.string().nullable(),
    date: isoDay.nullable(),
    title: z.string(),
    articleCount: z.number().int(),
  })
  .meta({ id: 'VersionSummary' });

/** An article as it reads in one version. */
export const VersionArticleSchema = z
  .object({
    articleId: z.string().meta({ description: 'Stable across versions' }),
    number: z.string().meta({ example: '3 bis A' }),
    position: z.number().int(),
    sectionKey: z.string().nullable(),
    status: z.string().nullable().meta({ description: 'As given by the source: none, nouveau, supprimé, conforme…' }),
    alineas: z.array(z.string()),
    newNumber: z.string().nullable().meta({ description: 'Final number after renumbering, when known' }),
  })
  .meta({ id: 'VersionArticle' });

/** A title, chapter or section of a version. */
export const SectionSchema = z
  .object({ key: z.string(), title: z.string(), type: z.string(), newKey: z.string().nullable() })
  .meta({ id: 'Section' });

/** The full text of a bill at one step. */
export const VersionSchema = VersionSummarySchema.extend({
  sourceUrl: z.string().nullable(),
  expose: z.string(),
  sections: z.array(SectionSchema),
  articles: z.array(VersionArticleSchema),
}).meta({ id: 'Version' });

/** Path of bill-scoped endpoints. */
export const BillParamsSchema = z.object({ id: z.string().min(1).max(100) });
/** Path of version endpoints. */
export const VersionParamsSchema = BillParamsSchema.extend({ versionId: z.string().min(1).max(100) });

/** Text of a new article, as an admin or a parliamentarian submits it. */
export const ArticleInputSchema = z.object({
  number: z.string().trim().min(1).max(40),
  sectionKey: z.string().max(40).nullable().default(null),
  status: z.string().max(40).nullable().default(null),
  // One alinéa is one paragraph: line breaks separate alinéas in the shared document.
  alineas: z.array(z.string().max(20_000).regex(/^[^\r\n]*$/, 'an alinéa is one paragraph: no line breaks')).min(1).max(500),
});

/** Body of `POST /bills`: an admin creates a bill with its first text (the dépôt). */
export const CreateBillBodySchema = z
  .object({
    title: z.string().trim().min(3).max(500),
    shortTitle: z.string().trim().min(1).max(200),
    proposalType: z.enum(['PJL', 'PPL']).default('PJL'),
    sourceRef: z.string().trim().min(1).max(100).nullable().default(null),
    depot: z.object({
      institution: z.enum(['assemblee', 'senat']),
      date: isoDay,
      sourceUrl: z.url().nullable().default(null),
      expose: z.string().max(200_000).default(''),
      sections: z.array(SectionSchema.omit({ newKey: true })).max(500).default([]),
      articles: z.array(ArticleInputSchema).min(1).max(2_000),
    }),
  })
  .meta({ id: 'CreateBill' });

export type Step = z.infer<typeof StepSchema>;
export type BillSummary = z.infer<typeof BillSummarySchema>;
export type Bill = z.infer<typeof BillSchema>;
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type Version = z.infer<typeof VersionSchema>;
export type CreateBillBody = z.infer<typeof CreateBillBodySchema>;
