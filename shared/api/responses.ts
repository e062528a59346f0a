/**
 * Official responses: a rapporteur's *avis* and text on an amendment, or answer to a question; each bill's
 * response rate and queue of what still awaits an answer.
 */
import { z } from 'zod';
import { ContributorSchema } from './contributions.ts';

const id = z.string().min(1).max(100);

/** The rapporteur's opinion on an amendment: favorable, défavorable, sagesse (of the assembly), demande de retrait. */
export const AvisSchema = z.enum(['favorable', 'defavorable', 'sagesse', 'retrait']);
export type Avis = z.infer<typeof AvisSchema>;

/** What can be answered. */
export const AnswerableKindSchema = z.enum(['amendment', 'question']);
export type AnswerableKind = z.infer<typeof AnswerableKindSchema>;

/** The amendment or question an answer is about. */
export const ResponseTargetSchema = z.object({ type: AnswerableKindSchema, id: z.string() }).meta({ id: 'ResponseTarget' });
export type ResponseTarget = z.infer<typeof ResponseTargetSchema>;

/** Body of `PUT /bills/:billId/amendments/:amendmentId/response`. */
export const AmendmentResponseBodySchema = z
  .object({ avis: AvisSchema, body: z.string().trim().min(1).max(10_000) })
  .meta({ id: 'AmendmentResponseInput' });
export type AmendmentResponseBody = z.infer<typeof AmendmentResponseBodySchema>;

/** Body of `PUT /bills/:billId/questions/:questionId/response`. */
export const QuestionResponseBodySchema = z.object({ body: z.string().trim().min(1).max(10_000) }).meta({ id: 'QuestionResponseInput' });
export type QuestionResponseBody = z.infer<typeof QuestionResponseBodySchema>;

/** The current official answer to an amendment or a question; an answer published again replaces it. */
export const OfficialResponseSchema = z
  .object({
    id: z.string().meta({ description: 'Changes with each new answer; the ledger keeps every one' }),
    target: ResponseTargetSchema,
    avis: AvisSchema.nullable().meta({ description: 'Null for a question' }),
    body: z.string(),
    author: ContributorSchema,
    publishedAt: z.string(),
  })
  .meta({ id: 'OfficialResponse' });
export type OfficialResponse = z.infer<typeof OfficialResponseSchema>;

/** A bill's response rate: deposited amendments and visible questions, and how many have an answer. */
export const ResponseSummarySchema = z
  .object({
    answerable: z.number().int().meta({ description: 'Deposited amendments awaiting a decision, and questions, not hidden' }),
    answered: z.number().int().meta({ description: 'Those of them with an official answer' }),
    rate: z.number().min(0).max(1).nullable().meta({ description: 'answered / answerable; null when nothing is answerable' }),
    pending: z.number().int().meta({ description: 'answerable − answered: the length of the queue' }),
  })
  .meta({ id: 'ResponseSummary' });
export type ResponseSummary = z.infer<typeof ResponseSummarySchema>;

/** Something awaiting an official answer. */
export const QueueItemSchema = z
  .object({
    kind: AnswerableKindSchema,
    id: z.string(),
    excerpt: z.string().meta({ description: 'The start of the question, or of the amendment’s rationale or proposed text' }),
    author: ContributorSchema.nullable().meta({ description: 'Null for an amendment filed without an account here' }),
    createdAt: z.string().meta({ description: 'When it was asked, or deposited' }),
  })
  .meta({ id: 'QueueItem' });
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** A page of a bill's pending queue, oldest first. */
export const ResponseQueueSchema = z
  .object({ items: z.array(QueueItemSchema), offset: z.number().int(), total: z.number().int() })
  .meta({ id: 'ResponseQueue' });
export type ResponseQueue = z.infer<typeof ResponseQueueSchema>;

/** Query of `GET /bills/:billId/queue`. */
export const ResponseQueueQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Path of bill-wide response endpoints. */
export const ResponsesParamsSchema = z.object({ billId: id });
/** Path of an amendment's response. */
export const AmendmentResponseParamsSchema = ResponsesParamsSchema.extend({ amendmentId: id });
/** Path of a question's response. */
export const QuestionResponseParamsSchema = ResponsesParamsSchema.extend({ questionId: id });
