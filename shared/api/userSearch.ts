/**
 * Finding a person by name, so that an amendment's author can invite them as a co-author: only the public badge
 * their contributions already show (never an e-mail), a few at a time.
 */
import { z } from 'zod';
import { ContributorSchema } from './contributions.ts';

/** Fewest characters a search needs: one letter would list everyone. */
export const USER_SEARCH_MIN_LENGTH = 2;
/** Most people one search answers with. */
export const USER_SEARCH_MAX_RESULTS = 20;

/** Query of `GET /users?q=`. */
export const UserSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(USER_SEARCH_MIN_LENGTH)
    .max(80)
    .meta({ description: 'Part of a display name (case-insensitive)', example: 'Dupont' }),
  limit: z.coerce.number().int().min(1).max(USER_SEARCH_MAX_RESULTS).default(10),
});
export type UserSearchQuery = z.infer<typeof UserSearchQuerySchema>;

/** The people whose display name contains the query: names that start with it first, then alphabetical. */
export const UserSearchResultSchema = z.object({ users: z.array(ContributorSchema) }).meta({ id: 'UserSearchResult' });
export type UserSearchResult = z.infer<typeof UserSearchResultSchema>;
