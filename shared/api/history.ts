/**
 * How a text evolves: an article across steps, diffs between versions, La Fabrique's statistics.
 */
import { z } from 'zod';
import { VersionSummarySchema } from './bills.ts';

/** One step in an article's life (the rows of La Fabrique's `articles_etapes.json`). */
export const ArticleStepSchema = z
  .object({
    stepKey: z.string(),
    stepId: z.string(),
    versionId: z.string().nullable(),
    status: z.string().meta({ description: 'depot, new, none, sup (La Fabrique statuses)' }),
    diff: z.enum(['add', 'rem', 'both', 'none']).nullable(),
    nDiff: z.number().meta({ description: "Share of the article changed since the previous step (La Fabrique's n_diff)" }),
    length: z.number().int().meta({ description: 'Characters of the non-empty alinéas joined by newlines' }),
    alineas: z.array(z.string()).nullable().meta({ description: 'The text at this step; null where it was deleted' }),
    newNumber: z.string().nullable(),
  })
  .meta({ id: 'ArticleStep' });

/** An article at every step of its bill. */
export const ArticleHistorySchema = z
  .object({
    billId: z.string(),
    articleId: z.string(),
    number: z.string(),
    section: z.string().nullable(),
    order: z.number().int(),
    steps: z.array(ArticleStepSchema),
  })
  .meta({ id: 'ArticleHistory' });

/** One cell of the article × step grid: how an article stood at one step (no text: see HIST6 for it). */
export const GridCellSchema = ArticleStepSchema.omit({ stepId: true, versionId: true, alineas: true }).meta({ id: 'GridCell' });

/** A row of the grid: an article, in La Fabrique's article order, with a cell per step it was seen at. */
export const GridArticleSchema = z
  .object({
    articleId: z.string(),
    number: z.string(),
    section: z.string().nullable(),
    order: z.number().int(),
    cells: z.array(GridCellSchema),
  })
  .meta({ id: 'GridArticle' });

/** A column of the grid: a step that produced a text (or failed), in La Fabrique's order. */
export const GridStepSchema = z
  .object({
    stepKey: z.string(),
    stepId: z.string(),
    versionId: z.string().nullable(),
    stage: z.string(),
    institution: z.string(),
    kind: z.string().nullable(),
    date: z.string().nullable(),
    echec: z.string().nullable(),
  })
  .meta({ id: 'GridStep' });

/** The bill's article × step grid, as La Fabrique's "articles" view draws it (its `articles_etapes.json`). */
export const ArticleGridSchema = z
  .object({ billId: z.string(), steps: z.array(GridStepSchema), articles: z.array(GridArticleSchema) })
  .meta({ id: 'ArticleGrid' });

/** A piece of a word-level diff. */
export const DiffPartSchema = z
  .object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })
  .meta({ id: 'DiffPart' });

/** How one article changed between two versions. */
export const ArticleDiffSchema = z
  .object({
    articleId: z.string(),
    number: z.string().meta({ description: 'Number in the later version, or in the earlier one if deleted' }),
    fromNumber: z.string().nullable(),
    toNumber: z.string().nullable(),
    status: z.enum(['new', 'modified', 'unchanged', 'deleted', 'renumbered']),
    parts: z.array(DiffPartSchema),
  })
  .meta({ id: 'ArticleDiff' });

/** How many articles of a version diff have each status. */
const ArticleCountsSchema = z.record(z.enum(['new', 'modified', 'unchanged', 'deleted', 'renumbered']), z.number().int());

/** Per-article word-level diff between two versions of a bill. */
export const VersionDiffSchema = z
  .object({
    billId: z.string(),
    from: z.string(),
    to: z.string(),
    counts: ArticleCountsSchema,
    articles: z.array(ArticleDiffSchema),
  })
  .meta({ id: 'VersionDiff' });

/** A line of the history stream: one version, and each article that changed since the version before it. */
export const HistoryVersionLineSchema = z
  .object({
    type: z.literal('version'),
    index: z.number().int().meta({ description: 'Position of the version in the bill, from 0' }),
    version: VersionSummarySchema,
    previous: z.string().nullable().meta({ description: 'The version compared with; null for the first (every article new)' }),
    counts: ArticleCountsSchema,
    articles: z.array(ArticleDiffSchema).meta({ description: 'Articles whose status is not `unchanged`, in reading order' }),
  })
  .meta({ id: 'HistoryVersionLine' });

/** The last line of the history stream: its absence means the stream was cut short. */
export const HistoryEndLineSchema = z
  .object({ type: z.literal('end'), versions: z.number().int().meta({ description: 'Version lines sent' }) })
  .meta({ id: 'HistoryEndLine' });

/** Any line of `GET /bills/:id/history/stream` (NDJSON: one JSON object per line). */
export const HistoryStreamLineSchema = z
  .discriminatedUnion('type', [HistoryVersionLineSchema, HistoryEndLineSchema])
  .meta({ id: 'HistoryStreamLine' });

/** Query of the diff endpoint. */
export const DiffQuerySchema = z.object({
  from: z.string().min(1).max(100),
  to: z.string().min(1).max(100),
});

/** Path of the article history endpoint. */
export const ArticleParamsSchema = z.object({ id: z.string().min(1).max(100), number: z.string().min(1).max(60) });

/**
 * La Fabrique de la loi's statistics, under its own field names (see its `viz/procedure.json` → `stats`).
 * Fields the bill's data cannot support (no debates recorded, no censure) are absent.
 */
export const LaFabriqueStatsSchema = z
  .record(z.string(), z.union([z.number(), z.string(), z.null()]))
  .meta({ id: 'LaFabriqueStats', example: { total_input_articles: 9, ratio_texte_modif: 0.449 } });

/** Statistics of a bill: La Fabrique's figures, and figures of ours beside them. */
export const BillStatsSchema = z
  .object({
    billId: z.string(),
    lafabrique: LaFabriqueStatsSchema,
    extra: z.record(z.string(), z.number()).meta({ description: 'Our own figures, outside La Fabrique definitions' }),
  })
  .meta({ id: 'BillStats' });

export type ArticleHistory = z.infer<typeof ArticleHistorySchema>;
export type ArticleGrid = z.infer<typeof ArticleGridSchema>;
export type VersionDiff = z.infer<typeof VersionDiffSchema>;
export type ArticleDiff = z.infer<typeof ArticleDiffSchema>;
export type BillStats = z.infer<typeof BillStatsSchema>;
export type HistoryStreamLine = z.infer<typeof HistoryStreamLineSchema>;
export type HistoryVersionLine = z.infer<typeof HistoryVersionLineSchema>;
