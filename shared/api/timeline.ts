/**
 * A text's evolution as data (TIME): the timeline of its steps (La Fabrique's "navettes" view) and the counts of its
 * amendments by step, outcome, group or origin and subject ("amendements" view), for imported and live bills alike.
 */
import { z } from 'zod';
import { type AmendmentStatus, AmendmentStatusSchema, OriginSchema } from './amendments.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const count = z.number().int().min(0);

/**
 * La Fabrique's three normalised outcomes (`sort`: adopté, rejeté, non-voté), and `pending` for an amendment
 * deposited here and not decided yet.
 */
export const OutcomeSchema = z.enum(['adopted', 'rejected', 'not_voted', 'pending']);
/** One normalised outcome. */
export type Outcome = z.infer<typeof OutcomeSchema>;

/** La Fabrique's word for each decided outcome. */
export const LA_FABRIQUE_SORT = { adopted: 'adopté', rejected: 'rejeté', not_voted: 'non-voté' } as const satisfies Partial<Record<Outcome, string>>;

/** Statuses a tabled amendment can have (a draft is not tabled). */
export const TabledStatusSchema = AmendmentStatusSchema.exclude(['draft']);
/** One status of a tabled amendment. */
export type TabledStatus = z.infer<typeof TabledStatusSchema>;

/** Our finer status, folded into La Fabrique's outcomes: withdrawn, fallen, inadmissible and not moved are all "non-voté". */
export function outcomeOfStatus(status: TabledStatus): Outcome {
  switch (status) {
    case 'adopted':
      return 'adopted';
    case 'rejected':
      return 'rejected';
    case 'deposited':
      return 'pending';
    default:
      return 'not_voted';
  }
}

/** True when an amendment with this status was tabled (drafts were not). */
export const isTabled = (status: AmendmentStatus): status is TabledStatus => status !== 'draft';

/** How many amendments, by normalised outcome and by our finer status. */
export const OutcomeCountsSchema = z
  .object({
    tabled: count.meta({ description: 'Amendments tabled (drafts excluded)' }),
    adopted: count,
    rejected: count,
    notVoted: count.meta({ description: 'La Fabrique’s non-voté: withdrawn, fallen, inadmissible, not moved' }),
    pending: count.meta({ description: 'Deposited here and not decided yet' }),
    byStatus: z.record(TabledStatusSchema, count).meta({ description: 'Our finer status (imported amendments only know not_voted)' }),
  })
  .meta({ id: 'OutcomeCounts' });
export type OutcomeCounts = z.infer<typeof OutcomeCountsSchema>;

/** The text a step produced. */
export const TimelineVersionSchema = z
  .object({
    id: z.string(),
    articles: count.meta({ description: 'Articles listed in the text, deleted ones included' }),
    articlesWithText: count.meta({ description: 'Articles whose text is not empty once normalised (La Fabrique’s total_*_articles)' }),
    length: count.meta({ description: 'Characters of the normalised alinéas (La Fabrique’s *_text_length)' }),
    words: count.meta({ description: 'Words of the normalised alinéas (La Fabrique’s *_text_word_count)' }),
  })
  .meta({ id: 'TimelineVersion' });

/** What came of a step. */
export const StepOutcomeSchema = z
  .enum(['text', 'no_text', 'failed', 'decision', 'promulgated'])
  .meta({
    description:
      'text: the step produced a text of its own; no_text: it did not (a transmission, a committee without a text); ' +
      'failed: échec or rejet; decision: the Conseil constitutionnel ruled; promulgated: the law was promulgated',
  });

/** One step of the timeline. */
export const TimelineStepSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    position: z.number().int(),
    stage: z.string().meta({ example: '1ère lecture' }),
    institution: z.string().meta({ example: 'assemblee' }),
    kind: z.string().nullable().meta({ description: 'depot, commission or hemicycle' }),
    date: isoDay.nullable(),
    endDate: isoDay.nullable(),
    days: z.number().int().nullable().meta({ description: 'Duration, both ends included' }),
    reading: z.number().int().meta({ description: 'Index of the step’s reading in `readings`' }),
    navette: z.number().int().meta({ description: 'How many times the text had arrived in an institution by this step (La Fabrique’s depots_in_institutions so far)' }),
    outcome: StepOutcomeSchema,
    echec: z.string().nullable(),
    decision: z.string().nullable().meta({ description: 'Conseil constitutionnel’s decision' }),
    producesText: z.boolean().meta({ description: 'La Fabrique’s debats_order is set: the step has a text of its own' }),
    current: z.boolean().meta({ description: 'The step under way: the last step of a bill not yet promulgated' }),
    version: TimelineVersionSchema.nullable(),
    amendments: OutcomeCountsSchema.extend({
      declared: count.nullable().meta({ description: 'La Fabrique’s nb_amendements for imported steps' }),
    }),
  })
  .meta({ id: 'TimelineStep' });

/** A reading: consecutive steps of one stage (1ère lecture, CMP, nouv. lect.…), across institutions. */
export const ReadingSchema = z
  .object({
    stage: z.string(),
    firstStep: z.number().int().meta({ description: 'Index in `steps`' }),
    lastStep: z.number().int(),
    institutions: z.array(z.string()).meta({ description: 'In the order the text went through them' }),
    start: isoDay.nullable(),
    end: isoDay.nullable(),
    failed: z.boolean(),
  })
  .meta({ id: 'Reading' });

/** An arrival of the text in an institution (a navette, as La Fabrique counts them). */
export const ShuttleSchema = z
  .object({
    navette: z.number().int().meta({ description: 'From 1' }),
    stepKey: z.string(),
    stage: z.string(),
    institution: z.string(),
    date: isoDay.nullable(),
  })
  .meta({ id: 'Shuttle' });

/** The whole procedure, in La Fabrique's terms. */
export const TimelineOverallSchema = z
  .object({
    beginning: isoDay.nullable(),
    end: isoDay.nullable(),
    steps: count,
    totalDays: count.nullable().meta({ description: 'La Fabrique’s total_days' }),
    depotsInInstitutions: count.meta({ description: 'La Fabrique’s depots_in_institutions' }),
    echecs: count.meta({ description: 'La Fabrique’s echecs_procedure' }),
    textsProduced: count.meta({ description: 'La Fabrique’s texts_produced' }),
    cmp: z.enum(['none', 'agreed', 'failed']).meta({ description: 'Whether a commission mixte paritaire met, and whether its text failed' }),
    amendments: OutcomeCountsSchema,
  })
  .meta({ id: 'TimelineOverall' });

/** `GET /bills/:id/timeline`. */
export const TimelineSchema = z
  .object({
    billId: z.string(),
    sourceRef: z.string().nullable(),
    steps: z.array(TimelineStepSchema),
    readings: z.array(ReadingSchema),
    shuttles: z.array(ShuttleSchema),
    overall: TimelineOverallSchema,
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof TimelineSchema>;

/** Amendments of one political group (La Fabrique's acronym, `Gouvernement` included); null: filed for none. */
export const GroupCountsSchema = OutcomeCountsSchema.extend({ group: z.string().nullable() }).meta({ id: 'GroupCounts' });

/** Where amendments come from; imported ones are `government` (La Fabrique's Gouvernement) or `parliamentarian`. */
export const OriginCountsSchema = OutcomeCountsSchema.extend({ origin: OriginSchema }).meta({ id: 'OriginCounts' });

/** Amendments of one institution's steps. */
export const InstitutionCountsSchema = OutcomeCountsSchema.extend({ institution: z.string() }).meta({ id: 'InstitutionCounts' });

/** Amendments on one subject (La Fabrique's `sujets`: "Article 2", "Après l'article 5"…). */
export const SubjectCountsSchema = OutcomeCountsSchema.extend({
  subject: z.string().meta({ example: 'Article 2' }),
  articleNumber: z.string().nullable().meta({ description: 'The article it targets ("Après l’article 5" targets none)' }),
  order: z.number().int().nullable().meta({ description: 'La Fabrique’s order of the subject in the step (per-step lists only)' }),
  byGroup: z.array(GroupCountsSchema),
  byOrigin: z.array(OriginCountsSchema),
}).meta({ id: 'SubjectCounts' });

/** The amendments of one step. */
export const StepAmendmentsSchema = z
  .object({
    stepId: z.string(),
    stepKey: z.string(),
    stage: z.string(),
    institution: z.string(),
    kind: z.string().nullable(),
    amendments: OutcomeCountsSchema,
    byGroup: z.array(GroupCountsSchema),
    byOrigin: z.array(OriginCountsSchema),
    subjects: z.array(SubjectCountsSchema),
  })
  .meta({ id: 'StepAmendments' });

/** A political group as La Fabrique describes it. */
export const PoliticalGroupSchema = z
  .object({ code: z.string(), name: z.string(), color: z.string().nullable(), link: z.string().nullable(), order: z.number().int().nullable() })
  .meta({ id: 'PoliticalGroup' });

/** `GET /bills/:id/amendments/summary`. */
export const AmendmentSummarySchema = z
  .object({
    billId: z.string(),
    groups: z.array(PoliticalGroupSchema).meta({ description: 'The groups named by the bill’s imported amendments, in La Fabrique’s order' }),
    overall: OutcomeCountsSchema,
    byInstitution: z.array(InstitutionCountsSchema),
    byGroup: z.array(GroupCountsSchema),
    byOrigin: z.array(OriginCountsSchema),
    subjects: z.array(SubjectCountsSchema).meta({ description: 'Every step together, in article order' }),
    steps: z.array(StepAmendmentsSchema).meta({ description: 'Steps with at least one amendment, in procedure order' }),
  })
  .meta({ id: 'AmendmentSummary' });
export type AmendmentSummary = z.infer<typeof AmendmentSummarySchema>;
