/**
 * Annotations: a highlighted passage of one article's live text with a comment, replies threaded one level deep
 * under it, and reactions from a fixed set. Hidden ones keep their place and show a tombstone instead of the text.
 */
import { z } from 'zod';
import { AnchorInputSchema, AnchorSchema, AnchorStatus } from '../anchors/index.ts';
import { ContributionListQuerySchema, ContributorSchema, ListingSchema, TombstoneSchema } from './contributions.ts';

/** The reactions a reader can give an annotation: one of each kind per person. */
export const Reaction = { like: 'like', insightful: 'insightful', question: 'question', disagree: 'disagree' } as const;
/** One of the reactions. */
export type Reaction = (typeof Reaction)[keyof typeof Reaction];
/** Every reaction kind, in display order. */
export const reactionKinds = [Reaction.like, Reaction.insightful, Reaction.question, Reaction.disagree] as const;
/** Schema of a reaction kind. */
export const ReactionSchema = z.enum(reactionKinds).meta({ id: 'Reaction' });

/** Longest annotation or reply, in characters. */
export const MAX_ANNOTATION_LENGTH = 4_000;
const BodySchema = z.string().trim().min(1).max(MAX_ANNOTATION_LENGTH);
const IdSchema = z.string().min(1).max(100);

/** Body of `POST /bills/:billId/annotations`. */
export const CreateAnnotationBodySchema = z
  .object({
    anchor: AnchorInputSchema.meta({
      description: 'Relative positions from a Y.Doc of bill:<id> with the quote they cover, or a quote alone (with an optional alinéa hint)',
    }),
    body: BodySchema,
  })
  .meta({ id: 'CreateAnnotation' });
export type CreateAnnotationBody = z.infer<typeof CreateAnnotationBodySchema>;

/** Body of `POST …/replies` and `PATCH /bills/:billId/annotations/:annotationId`. */
export const AnnotationTextBodySchema = z.object({ body: BodySchema }).meta({ id: 'AnnotationText' });
export type AnnotationTextBody = z.infer<typeof AnnotationTextBodySchema>;

/** Path of a bill's annotations. */
export const AnnotationBillParamsSchema = z.object({ billId: IdSchema });
/** Path of one annotation (or reply). */
export const AnnotationParamsSchema = AnnotationBillParamsSchema.extend({ annotationId: IdSchema });
/** Path of one reaction to an annotation. */
export const ReactionParamsSchema = AnnotationParamsSchema.extend({ reaction: ReactionSchema });

/** Query of `GET /bills/:billId/annotations`; `popular` orders by reactions. */
export const AnnotationListQuerySchema = ContributionListQuerySchema.extend({
  articleId: IdSchema.optional().meta({ description: 'Only the annotations of this article' }),
});
export type AnnotationListQuery = z.infer<typeof AnnotationListQuerySchema>;

/** How many people gave each reaction. */
export const ReactionCountsSchema = z
  .object({ like: z.number().int(), insightful: z.number().int(), question: z.number().int(), disagree: z.number().int() })
  .meta({ id: 'ReactionCounts' });
export type ReactionCounts = z.infer<typeof ReactionCountsSchema>;

/** The reactions on an annotation, and which of them are the reader's own. */
export const ReactionStateSchema = z
  .object({
    annotationId: z.string(),
    reactions: ReactionCountsSchema,
    myReactions: z.array(ReactionSchema).meta({ description: 'Empty for anonymous readers' }),
  })
  .meta({ id: 'ReactionState' });
export type ReactionState = z.infer<typeof ReactionStateSchema>;

/** An annotation or a reply. Replies have a parent (the thread's root) and no anchor. */
export const AnnotationSchema = ReactionStateSchema.omit({ annotationId: true })
  .extend({
    id: z.string(),
    billId: z.string(),
    parentId: z.string().nullable().meta({ description: 'The thread root, for a reply' }),
    articleId: z.string().nullable(),
    anchor: AnchorSchema.nullable().meta({ description: 'Where the annotation was made (null for a reply)' }),
    anchorStatus: z
      .enum([AnchorStatus.ok, AnchorStatus.drifted, AnchorStatus.orphan])
      .nullable()
      .meta({ description: 'How the anchor fits the current live text (null for a reply)' }),
    author: ContributorSchema,
    body: z.string().nullable().meta({ description: 'Null when hidden by a moderator' }),
    tombstone: TombstoneSchema,
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: 'Annotation' });
export type Annotation = z.infer<typeof AnnotationSchema>;

/** A thread: the annotation and its replies, oldest first. */
export const AnnotationThreadSchema = AnnotationSchema.extend({ replies: z.array(AnnotationSchema) }).meta({ id: 'AnnotationThread' });
export type AnnotationThread = z.infer<typeof AnnotationThreadSchema>;

/** A page of threads. */
export const AnnotationListSchema = ListingSchema.extend({ annotations: z.array(AnnotationThreadSchema) }).meta({ id: 'AnnotationList' });
export type AnnotationList = z.infer<typeof AnnotationListSchema>;
