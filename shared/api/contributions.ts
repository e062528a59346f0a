/**
 * What every contribution (annotation, amendment, argument, source, question) shares: who wrote it, shown so
 * readers know whether a citizen, an organisation or an official speaks; how moderation shows on it; how lists
 * of contributions are ordered.
 */
import { z } from 'zod';
import { Role, RoleSchema } from './users.ts';

/** The badge on a contribution. */
export const ContributorKind = { citizen: 'citizen', organisation: 'organisation', official: 'official', staff: 'staff' } as const;
export type ContributorKind = (typeof ContributorKind)[keyof typeof ContributorKind];

/** A contribution's author as everyone sees them. */
export const ContributorSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    kind: z.enum([ContributorKind.citizen, ContributorKind.organisation, ContributorKind.official, ContributorKind.staff]).meta({
      description: 'citizen; organisation (with its interest-representative register number when it has one); official (parliamentarian, government); staff (moderator, administrator)',
    }),
    role: RoleSchema,
    organisationRegister: z.string().nullable(),
  })
  .meta({ id: 'Contributor' });
export type Contributor = z.infer<typeof ContributorSchema>;

const badgeKinds: Record<Role, ContributorKind> = {
  citizen: ContributorKind.citizen,
  organisation: ContributorKind.organisation,
  parliamentarian: ContributorKind.official,
  government: ContributorKind.official,
  moderator: ContributorKind.staff,
  admin: ContributorKind.staff,
};

/**
 * A user as the badge shown on their contributions: the one place that decides it, so a lobby's words never pass for
 * a citizen's wherever a user is shown (contributions, the people an author may invite).
 */
export function contributorBadge(user: { id: string; displayName: string; role: string; organisationRegister: string | null }): Contributor {
  const role = user.role as Role;
  return {
    id: user.id,
    displayName: user.displayName,
    kind: badgeKinds[role],
    role,
    organisationRegister: role === Role.organisation ? user.organisationRegister : null,
  };
}

/** Present on hidden content, whose text is then withheld: the tombstone readers see instead. */
export const TombstoneSchema = z
  .object({ reason: z.string(), hiddenAt: z.string() })
  .nullable()
  .meta({ id: 'Tombstone', description: 'Set when a moderator hid this contribution; its text is then null' });
export type Tombstone = z.infer<typeof TombstoneSchema>;

/** How a list of contributions is ordered. `random` (the default) gives every contribution equal exposure. */
export const ContributionSortSchema = z.enum(['random', 'recent', 'oldest', 'popular']);
export type ContributionSort = z.infer<typeof ContributionSortSchema>;

/** Query of contribution listings: order, seed of the random order (echoed back so pages stay stable), paging. */
export const ContributionListQuerySchema = z.object({
  sort: ContributionSortSchema.default('random'),
  seed: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional().meta({ description: 'Seed of the random order; reuse the one returned to page' }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ContributionListQuery = z.infer<typeof ContributionListQuerySchema>;

/** The paging part of a listing's answer. */
export const ListingSchema = z.object({
  sort: ContributionSortSchema,
  seed: z.string().nullable(),
  offset: z.number().int(),
  total: z.number().int(),
});

/** What a contribution can target for votes, arguments and sources. */
export const TargetTypeSchema = z.enum(['article', 'amendment', 'argument']);
export type TargetType = z.infer<typeof TargetTypeSchema>;
