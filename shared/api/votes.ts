/**
 * Votes d'accord / mitigé / pas d'accord on articles, amendments and arguments, and their running tallies.
 */
import { z } from 'zod';
import { TargetTypeSchema } from './contributions.ts';

/** A vote's value: *d'accord*, *mitigé*, *pas d'accord*. An argument only takes `agree` (a "+1"). */
export const VoteValue = { agree: 'agree', mixed: 'mixed', disagree: 'disagree' } as const;
/** One vote value. */
export type VoteValue = (typeof VoteValue)[keyof typeof VoteValue];
/** Schema of a vote value. */
export const VoteValueSchema = z.enum([VoteValue.agree, VoteValue.mixed, VoteValue.disagree]);

const id = z.string().min(1).max(100);

/** What a vote is about. */
export const VoteTargetSchema = z.object({ type: TargetTypeSchema, id }).meta({ id: 'VoteTarget' });
export type VoteTarget = z.infer<typeof VoteTargetSchema>;

/** The votes on one target, exact at the moment they are read. */
export const VoteTallySchema = z
  .object({
    agree: z.number().int(),
    mixed: z.number().int(),
    disagree: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'VoteTally' });
export type VoteTally = z.infer<typeof VoteTallySchema>;

/** A target's tally and the reader's own vote (null when anonymous or not voted). */
export const VoteStateSchema = z
  .object({ target: VoteTargetSchema, tally: VoteTallySchema, myVote: VoteValueSchema.nullable() })
  .meta({ id: 'VoteState' });
export type VoteState = z.infer<typeof VoteStateSchema>;

/** Body of `PUT /bills/:billId/votes/:targetType/:targetId`. */
export const CastVoteBodySchema = z.object({ value: VoteValueSchema }).meta({ id: 'CastVote' });
export type CastVoteBody = z.infer<typeof CastVoteBodySchema>;

/** Path of vote endpoints. */
export const VoteParamsSchema = z.object({ billId: id, targetType: TargetTypeSchema, targetId: id });

/** Path of `GET /bills/:billId/tallies`. */
export const TalliesParamsSchema = z.object({ billId: id });

/** Most targets whose tallies one request may ask for. */
export const MAX_TALLY_IDS = 200;

/** Query of `GET /bills/:billId/tallies`: one target type and up to 200 comma-separated ids. */
export const TalliesQuerySchema = z.object({
  targetType: TargetTypeSchema,
  ids: z
    .string()
    .max(MAX_TALLY_IDS * 101)
    .transform((value) => [...new Set(value.split(',').map((part) => part.trim()).filter((part) => part !== ''))])
    .pipe(z.array(id).min(1).max(MAX_TALLY_IDS))
    .meta({ description: `Comma-separated target ids, at most ${MAX_TALLY_IDS}` }),
});

/**
 * Tallies of several targets of one type; every id asked for is present (zeros when nobody voted). For a signed-in
 * reader, `myVotes` holds their own vote on each of those targets they voted on.
 */
export const TalliesSchema = z
  .object({
    targetType: TargetTypeSchema,
    tallies: z.record(z.string(), VoteTallySchema),
    myVotes: z.record(z.string(), VoteValueSchema).optional().meta({ description: 'Signed-in readers only: their vote by target id' }),
  })
  .meta({ id: 'Tallies' });
export type Tallies = z.infer<typeof TalliesSchema>;
