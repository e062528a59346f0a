/**
 * Arguments *pour* / *contre* an article or an amendment, each with its own "+1" votes.
 */
import { z } from 'zod';
import { ContributionListQuerySchema, ContributorSchema, ListingSchema, TombstoneSchema } from './contributions.ts';
import { VoteTallySchema } from './votes.ts';

const id = z.string().min(1).max(100);

/** What arguments and sources are about: an article or an amendment of the bill. */
export const DebateTargetTypeSchema = z.enum(['article', 'amendment']);
export type DebateTargetType = z.infer<typeof DebateTargetTypeSchema>;

/** An article or an amendment that arguments and sources discuss. */
export const DebateTargetSchema = z.object({ type: DebateTargetTypeSchema, id }).meta({ id: 'DebateTarget' });
export type DebateTarget = z.infer<typeof DebateTargetSchema>;

/** Which side an argument takes. */
export const ArgumentSideSchema = z.enum(['pour', 'contre']);
export type ArgumentSide = z.infer<typeof ArgumentSideSchema>;

const body = z.string().trim().min(1).max(2000);

/** Body of `POST /bills/:billId/arguments`. */
export const CreateArgumentBodySchema = z
  .object({ target: DebateTargetSchema, side: ArgumentSideSchema, body })
  .meta({ id: 'CreateArgument' });
export type CreateArgumentBody = z.infer<typeof CreateArgumentBodySchema>;

/** Body of the edit of an argument by its author. */
export const EditArgumentBodySchema = z.object({ body }).meta({ id: 'EditArgument' });
export type EditArgumentBody = z.infer<typeof EditArgumentBodySchema>;

/** An argument as everyone sees it. */
export const ArgumentSchema = z
  .object({
    id: z.string(),
    target: DebateTargetSchema,
    side: ArgumentSideSchema,
    author: ContributorSchema,
    body: z.string().nullable().meta({ description: 'Null when a moderator hid the argument (see tombstone)' }),
    tombstone: TombstoneSchema,
    votes: VoteTallySchema,
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: 'Argument' });
export type Argument = z.infer<typeof ArgumentSchema>;

/** Query of `GET /bills/:billId/arguments`; `popular` orders by `agree` votes. */
export const ArgumentListQuerySchema = ContributionListQuerySchema.extend({
  targetType: DebateTargetTypeSchema.optional(),
  targetId: id.optional(),
  side: ArgumentSideSchema.optional(),
});
export type ArgumentListQuery = z.infer<typeof ArgumentListQuerySchema>;

/** A page of arguments. */
export const ArgumentListSchema = ListingSchema.extend({ arguments: z.array(ArgumentSchema) }).meta({ id: 'ArgumentList' });
export type ArgumentList = z.infer<typeof ArgumentListSchema>;

/** Path of a bill's argument listing. */
export const ArgumentsParamsSchema = z.object({ billId: id });
/** Path of one argument. */
export const ArgumentParamsSchema = ArgumentsParamsSchema.extend({ argumentId: id });
