/**
 * Accounts, sessions, tokens and roles.
 */
import { z } from 'zod';

/** What an account is: the badge shown on every contribution, and what it may do. */
export const Role = {
  citizen: 'citizen',
  organisation: 'organisation',
  parliamentarian: 'parliamentarian',
  /** A ministry's account: its amendments have the government as origin. */
  government: 'government',
  moderator: 'moderator',
  admin: 'admin',
} as const;
/** One of the roles. */
export type Role = (typeof Role)[keyof typeof Role];
/** Schema of a role. */
export const RoleSchema = z.enum([Role.citizen, Role.organisation, Role.parliamentarian, Role.government, Role.moderator, Role.admin]);

/** A user as others see them. */
export const PublicUserSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    organisationRegister: z.string().nullable(),
  })
  .meta({ id: 'PublicUser' });

/** The signed-in user, with what only they see. */
export const MeSchema = PublicUserSchema.extend({
  email: z.string(),
  rapporteurOf: z.array(z.string()).meta({ description: 'Ids of the bills this user is a rapporteur of' }),
}).meta({ id: 'Me' });

const password = z.string().min(10, 'must be at least 10 characters').max(200);

/** Body of `POST /auth/signup`. Self-service accounts are citizens or organisations; other roles are granted. */
export const SignupBodySchema = z
  .object({
    email: z.email().max(200).transform((email) => email.toLowerCase()),
    password,
    displayName: z.string().trim().min(2).max(80),
    kind: z.enum([Role.citizen, Role.organisation]).default(Role.citizen),
    organisationRegister: z.string().trim().min(1).max(40).nullable().default(null),
  })
  .meta({ id: 'Signup' });

/** Body of `POST /auth/login`. */
export const LoginBodySchema = z
  .object({ email: z.email().max(200).transform((email) => email.toLowerCase()), password: z.string().min(1).max(200) })
  .meta({ id: 'Login' });

/** Body of `POST /auth/tokens`: a bearer token for API clients. */
export const CreateTokenBodySchema = z
  .object({
    label: z.string().trim().min(1).max(80),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .meta({ id: 'CreateToken' });

/** A newly created bearer token; the secret is shown once. */
export const TokenSchema = z
  .object({ token: z.string(), label: z.string(), expiresAt: z.string() })
  .meta({ id: 'Token' });

/** Body of `PUT /users/:id/role`. */
export const SetRoleBodySchema = z.object({ role: RoleSchema }).meta({ id: 'SetRole' });

/** Path of user endpoints. */
export const UserParamsSchema = z.object({ id: z.string().min(1).max(100) });
/** Path of rapporteur endpoints. */
export const RapporteurParamsSchema = z.object({ id: z.string().min(1).max(100), userId: z.string().min(1).max(100) });

export type PublicUser = z.infer<typeof PublicUserSchema>;
export type Me = z.infer<typeof MeSchema>;
export type SignupBody = z.infer<typeof SignupBodySchema>;
export type LoginBody = z.infer<typeof LoginBodySchema>;
