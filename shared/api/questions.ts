/**
 * Questions to a bill's parliamentarians, on the bill as a whole or on one of its articles.
 */
import { z } from 'zod';
import { ContributionListQuerySchema, ContributorSchema, ListingSchema, TombstoneSchema } from './contributions.ts';
import { OfficialResponseSchema } from './responses.ts';

const id = z.string().min(1).max(100);

/** Body of `POST /bills/:billId/questions`; without `articleId` the question is on the whole bill. */
export const AskQuestionBodySchema = z
  .object({ articleId: id.optional(), body: z.string().trim().min(1).max(4000) })
  .meta({ id: 'AskQuestion' });
export type AskQuestionBody = z.infer<typeof AskQuestionBodySchema>;

/** A question as everyone sees it, with its official answer once there is one. */
export const QuestionSchema = z
  .object({
    id: z.string(),
    articleId: z.string().nullable().meta({ description: 'Null for a question on the whole bill' }),
    author: ContributorSchema,
    body: z.string().nullable().meta({ description: 'Null when a moderator hid the question (see tombstone)' }),
    tombstone: TombstoneSchema,
    createdAt: z.string(),
    response: OfficialResponseSchema.nullable(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof QuestionSchema>;

/** Query of `GET /bills/:billId/questions`. Questions have no votes: `popular` falls back to `recent`. */
export const QuestionListQuerySchema = ContributionListQuerySchema.extend({ articleId: id.optional() });
export type QuestionListQuery = z.infer<typeof QuestionListQuerySchema>;

/** A page of questions. */
export const QuestionListSchema = ListingSchema.extend({ questions: z.array(QuestionSchema) }).meta({ id: 'QuestionList' });
export type QuestionList = z.infer<typeof QuestionListSchema>;

/** Path of a bill's question listing. */
export const QuestionsParamsSchema = z.object({ billId: id });
/** Path of one question. */
export const QuestionParamsSchema = QuestionsParamsSchema.extend({ questionId: id });
