/**
 * Sources (a title, an http(s) link, a description) offered on an article or an amendment.
 */
import { z } from 'zod';
import { DebateTargetSchema, DebateTargetTypeSchema } from './arguments.ts';
import { ContributionListQuerySchema, ContributorSchema, ListingSchema, TombstoneSchema } from './contributions.ts';

const id = z.string().min(1).max(100);

/** Body of `POST /bills/:billId/sources`. Only http and https links are accepted. */
export const AddSourceBodySchema = z
  .object({
    target: DebateTargetSchema,
    title: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
    description: z.string().trim().max(2000).default(''),
  })
  .meta({ id: 'AddSource' });
export type AddSourceBody = z.infer<typeof AddSourceBodySchema>;

/** A source as everyone sees it; its title, link and description are withheld once hidden. */
export const SourceSchema = z
  .object({
    id: z.string(),
    target: DebateTargetSchema,
    author: ContributorSchema,
    title: z.string().nullable(),
    url: z.string().nullable(),
    description: z.string().nullable(),
    tombstone: TombstoneSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof SourceSchema>;

/** Query of `GET /bills/:billId/sources`. Sources have no votes: `popular` falls back to `recent`. */
export const SourceListQuerySchema = ContributionListQuerySchema.extend({
  targetType: DebateTargetTypeSchema.optional(),
  targetId: id.optional(),
});
export type SourceListQuery = z.infer<typeof SourceListQuerySchema>;

/** A page of sources. */
export const SourceListSchema = ListingSchema.extend({ sources: z.array(SourceSchema) }).meta({ id: 'SourceList' });
export type SourceList = z.infer<typeof SourceListSchema>;

/** Path of a bill's source listing. */
export const SourcesParamsSchema = z.object({ billId: id });
/** Path of one source. */
export const SourceParamsSchema = SourcesParamsSchema.extend({ sourceId: id });
