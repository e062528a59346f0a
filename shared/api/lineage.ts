/**
 * Following a text's evolution (TRACE): what became of a contribution — its status history from the ledger, the
 * answers it got, and for an amendment the version its change landed in and whether its words are still in the text —
 * and what the text would read like if chosen pending amendments were adopted (what-if).
 */
import { z } from 'zod';
import { AnchorStatus } from '../anchors/index.ts';
import { AmendmentStatusSchema } from './amendments.ts';
import { ContributorSchema, TombstoneSchema } from './contributions.ts';
import { DiffPartSchema } from './history.ts';
import { AvisSchema } from './responses.ts';

const id = z.string().min(1).max(100);
const articleId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** The kinds of contribution whose lineage is traced. */
export const TraceKindSchema = z.enum(['amendment', 'annotation', 'question']);
export type TraceKind = z.infer<typeof TraceKindSchema>;

/** Path of `GET /contributions/:id/trace`. */
export const TraceParamsSchema = z.object({ id });

/** Query of `GET /contributions/:id/trace`. */
export const TraceQuerySchema = z.object({
  type: TraceKindSchema.optional().meta({ description: 'The kind of contribution, when the caller knows it: only that kind is looked up' }),
});

/** A ledger entry about the contribution. */
export const TraceEntrySchema = z
  .object({
    seq: z.number().int().meta({ description: 'The entry’s place in its bill’s ledger' }),
    type: z.string().meta({ example: 'amendment.outcome' }),
    at: z.string(),
    actor: ContributorSchema.nullable().meta({ description: 'Null for entries the server made itself (e.g. completing an adoption)' }),
    status: z.string().nullable().meta({ description: 'The state the entry moved the contribution to (deposited, adopted, fallen, withdrawn, hidden, restored…), if any' }),
  })
  .meta({ id: 'TraceEntry' });
export type TraceEntry = z.infer<typeof TraceEntrySchema>;

/** One official answer the contribution got (every one, the ledger keeps them all). */
export const TraceResponseSchema = z
  .object({
    id: z.string(),
    avis: AvisSchema.nullable().meta({ description: 'Null for a question' }),
    body: z.string(),
    respondent: ContributorSchema.nullable(),
    publishedAt: z.string(),
    current: z.boolean().meta({ description: 'The answer in force (the last one published)' }),
  })
  .meta({ id: 'TraceResponse' });
export type TraceResponse = z.infer<typeof TraceResponseSchema>;

/** Whether an adopted amendment's words are still in the text. */
export const WordsPresenceSchema = z.enum(['still_present', 'partly_present', 'gone', 'not_applicable']);
export type WordsPresence = z.infer<typeof WordsPresenceSchema>;

/** The version of the text an adopted amendment's change landed in. */
export const LandingVersionSchema = z
  .object({
    versionId: z.string(),
    stepId: z.string(),
    title: z.string(),
    stage: z.string(),
    institution: z.string(),
    kind: z.string().nullable(),
    date: z.string().nullable(),
    publishedAt: z.string().nullable().meta({ description: 'When the version was published here (its ledger entry); null for an imported step' }),
    via: z.enum(['publication', 'step']).meta({
      description: 'publication: the first version published after the adoption was applied; step: an imported amendment, the version its step produced',
    }),
  })
  .meta({ id: 'LandingVersion' });
export type LandingVersion = z.infer<typeof LandingVersionSchema>;

/** What an amendment's lineage adds. */
export const AmendmentLineageSchema = z
  .object({
    number: z.string().nullable(),
    kind: z.string().meta({ description: 'As in Amendment.kind; `imported` for amendments imported from La Fabrique' }),
    status: AmendmentStatusSchema,
    articleId: z.string().nullable(),
    articleNumber: z.string().nullable(),
    decidedAt: z.string().nullable(),
    fallenBecauseOf: z
      .object({ id: z.string(), number: z.string().nullable() })
      .nullable()
      .meta({ description: 'A fallen amendment: the adopted amendment whose change removed its words (null when a rapporteur declared it fallen)' }),
    landedIn: LandingVersionSchema.nullable().meta({ description: 'An adopted amendment: the version its change landed in; null until one is published' }),
    words: z
      .object({
        presence: WordsPresenceSchema,
        inserted: z.number().int().meta({ description: 'Words the adopted change inserted (from its diff as decided)' }),
        present: z.number().int().meta({ description: 'Of those, the words still in the article’s live text' }),
        share: z.number().min(0).max(1).nullable().meta({ description: 'present / inserted; null when not applicable' }),
      })
      .meta({ description: 'not_applicable unless adopted and the change inserted words (a deletion, a sous-amendement, an imported amendment)' }),
  })
  .meta({ id: 'AmendmentLineage' });
export type AmendmentLineage = z.infer<typeof AmendmentLineageSchema>;

/** What an annotation's lineage adds. */
export const AnnotationLineageSchema = z
  .object({
    parentId: z.string().nullable().meta({ description: 'A reply: the annotation it answers' }),
    articleId: z.string().nullable(),
    anchorStatus: z.enum([AnchorStatus.ok, AnchorStatus.drifted, AnchorStatus.orphan]).nullable().meta({ description: 'Against the live text now; null for a reply' }),
    replies: z.number().int(),
  })
  .meta({ id: 'AnnotationLineage' });

/** What a question's lineage adds. */
export const QuestionLineageSchema = z
  .object({ articleId: z.string().nullable(), answer: TraceResponseSchema.nullable().meta({ description: 'The answer in force, if any' }) })
  .meta({ id: 'QuestionLineage' });

const traceFields = {
  id: z.string(),
  kind: TraceKindSchema,
  bill: z.object({ id: z.string(), shortTitle: z.string() }),
  author: ContributorSchema.nullable().meta({ description: 'Null for an amendment imported without an account here (see authorName)' }),
  authorName: z.string(),
  excerpt: z.string().nullable().meta({ description: 'The start of its text; null when a moderator hid it (its author still sees it)' }),
  tombstone: TombstoneSchema,
  createdAt: z.string(),
  outcome: z.string().meta({
    description: 'amendment: its status; annotation: its anchor status now (ok, drifted, orphan), or `reply`; question: answered or awaiting_answer',
  }),
  amendment: AmendmentLineageSchema.nullable(),
  annotation: AnnotationLineageSchema.nullable(),
  question: QuestionLineageSchema.nullable(),
};

/** The lineage of one contribution. */
export const ContributionTraceSchema = z
  .object({
    ...traceFields,
    history: z.array(TraceEntrySchema).meta({ description: 'Its ledger entries, oldest first' }),
    responses: z.array(TraceResponseSchema).meta({ description: 'Every official answer, oldest first' }),
  })
  .meta({ id: 'ContributionTrace' });
export type ContributionTrace = z.infer<typeof ContributionTraceSchema>;

/** A contribution in "what became of my contributions": its trace without the entries and answers themselves. */
export const ContributionSummarySchema = z
  .object({
    ...traceFields,
    responseCount: z.number().int(),
    lastActivityAt: z.string().meta({ description: 'Its last ledger entry' }),
  })
  .meta({ id: 'ContributionSummary' });
export type ContributionSummary = z.infer<typeof ContributionSummarySchema>;

/** Query of `GET /users/me/contributions`. */
export const MyContributionsQuerySchema = z.object({
  kind: TraceKindSchema.optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MyContributionsQuery = z.infer<typeof MyContributionsQuerySchema>;

/** A page of the signed-in user's contributions, most recent first. */
export const MyContributionsSchema = z
  .object({ items: z.array(ContributionSummarySchema), offset: z.number().int(), total: z.number().int() })
  .meta({ id: 'MyContributions' });
export type MyContributions = z.infer<typeof MyContributionsSchema>;

/** The most amendments one what-if applies. */
export const MAX_WHAT_IF_AMENDMENTS = 50;
/** The most articles one what-if returns by name. */
export const MAX_WHAT_IF_ARTICLES = 200;

/** Path of `POST /bills/:billId/what-if`. */
export const WhatIfParamsSchema = z.object({ billId: id });

/** Body of `POST /bills/:billId/what-if`. */
export const WhatIfBodySchema = z
  .object({
    amendmentIds: z
      .array(id)
      .min(1)
      .max(MAX_WHAT_IF_AMENDMENTS)
      .refine((ids) => new Set(ids).size === ids.length, 'each amendment once')
      .meta({ description: 'Deposited amendments awaiting a decision, applied in number order' }),
    articleIds: z
      .array(articleId)
      .min(1)
      .max(MAX_WHAT_IF_ARTICLES)
      .optional()
      .meta({ description: 'The articles to return (new articles included); all of the bill’s when absent' }),
  })
  .meta({ id: 'WhatIfRequest' });
export type WhatIfBody = z.infer<typeof WhatIfBodySchema>;

const amendmentRef = z.object({ id: z.string(), number: z.string().nullable() });

/** An amendment the what-if applied. */
export const WhatIfAppliedSchema = amendmentRef.extend({ kind: z.string(), articleId: z.string().nullable() }).meta({ id: 'WhatIfApplied' });

/** Why an amendment of the set was not applied. */
export const WhatIfConflictReasonSchema = z.enum(['collision', 'target_gone', 'article_number_taken', 'parent_not_chosen']);

/** An amendment of the set the what-if could not apply, and why. */
export const WhatIfConflictSchema = amendmentRef
  .extend({
    kind: z.string(),
    reason: WhatIfConflictReasonSchema.meta({
      description:
        'collision: its target overlaps that of an amendment applied before it (AMEND6); target_gone: an earlier change removed what it targets; article_number_taken: the article it adds exists; parent_not_chosen: a sous-amendement whose amendment is not in the set',
    }),
    collidesWith: amendmentRef.nullable().meta({ description: 'The earlier applied amendment it collides with' }),
    detail: z.string(),
  })
  .meta({ id: 'WhatIfConflict' });
export type WhatIfConflict = z.infer<typeof WhatIfConflictSchema>;

/** An article of the consolidated text. */
export const WhatIfArticleSchema = z
  .object({
    articleId: z.string(),
    number: z.string(),
    status: z.enum(['new', 'modified', 'unchanged', 'deleted']),
    alineas: z.array(z.string()),
    changedBy: z.array(z.string()).meta({ description: 'The applied amendments that changed it, in the order applied' }),
    diff: z.array(DiffPartSchema).nullable().meta({ description: 'Word diff against the live text; null when unchanged' }),
  })
  .meta({ id: 'WhatIfArticle' });
export type WhatIfArticle = z.infer<typeof WhatIfArticleSchema>;

/** The live text with the chosen amendments applied; nothing was changed to compute it. */
export const WhatIfResultSchema = z
  .object({
    billId: z.string(),
    applied: z.array(WhatIfAppliedSchema).meta({ description: 'In the order applied: sous-amendements first, then number order' }),
    conflicts: z.array(WhatIfConflictSchema),
    articles: z.array(WhatIfArticleSchema).meta({ description: 'In text order' }),
  })
  .meta({ id: 'WhatIfResult' });
export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;
