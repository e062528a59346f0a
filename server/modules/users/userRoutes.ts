/**
 * HTTP endpoints of accounts: sign up, sign in and out, API tokens, roles, rapporteurs.
 */
import type { Request, Response } from 'express';
import {
  CreateTokenBodySchema,
  LoginBodySchema,
  MeSchema,
  PublicUserSchema,
  RapporteurParamsSchema,
  SetRoleBodySchema,
  SignupBodySchema,
  TokenSchema,
  UserParamsSchema,
} from '../../../shared/api/users.ts';
import { UserSearchQuerySchema, UserSearchResultSchema } from '../../../shared/api/userSearch.ts';
import type { User } from '../../common/actor.ts';
import { requireUser } from '../../common/guards.ts';
import { enforceRateLimit } from '../../http/rateLimit.ts';
import { defineRoute } from '../../http/route.ts';
import type { RateLimiter } from '../../limits/index.ts';
import type { Database } from '../../storage/database.ts';
import { authenticate, getMe, getPublicUser, setRole, signUp } from './accounts.ts';
import { grantRapporteur, revokeRapporteur } from './rapporteurs.ts';
import type { RightsChanged } from './rightsChanged.ts';
import { issueToken, revokeToken } from './tokens.ts';
import { searchUsers } from './userSearch.ts';

/** Name of the httpOnly cookie holding a browser session. */
export const SESSION_COOKIE = 'session';
const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The account endpoints, bound to a database. */
export function userRoutes({
  db,
  secureCookies,
  limiter,
  authAttemptsPerMinute,
  rightsChanged,
}: {
  db: Database;
  secureCookies: boolean;
  limiter: RateLimiter;
  authAttemptsPerMinute: number;
  rightsChanged: RightsChanged;
}) {
  // Password guessing and account spraying are slowed per client address, across nodes with Redis.
  const authRule = { name: 'auth', limit: authAttemptsPerMinute, windowMs: 60_000 };
  const throttle = (req: Request) => enforceRateLimit(limiter, authRule, req.ip ?? 'unknown');

  async function startSession(res: Response, user: User) {
    const { token, expiresAt } = await issueToken(db, user.id, 'session', SESSION_LIFETIME_MS);
    // Lax keeps the cookie off cross-site POSTs (CSRF); httpOnly keeps it away from scripts.
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookies, expires: expiresAt, path: '/' });
    return getMe(db, user);
  }

  return [
    defineRoute({
      method: 'post',
      path: '/auth/signup',
      tag: 'Accounts',
      summary: 'Create a citizen or organisation account and sign in',
      body: SignupBodySchema,
      status: 201,
      response: MeSchema,
      errors: [409, 429],
      handler: async ({ body, req, res }) => {
        await throttle(req);
        return startSession(res, await signUp(db, body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tag: 'Accounts',
      summary: 'Sign in; sets the session cookie',
      body: LoginBodySchema,
      response: MeSchema,
      errors: [401, 429],
      handler: async ({ body, req, res }) => {
        await throttle(req);
        return startSession(res, await authenticate(db, body.email, body.password));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tag: 'Accounts',
      summary: 'Sign out: revokes the session',
      status: 204,
      response: null,
      handler: async ({ req, res }) => {
        const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
        if (typeof token === 'string') await revokeToken(db, token);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/tokens',
      tag: 'Accounts',
      summary: 'Create a bearer token for API clients (shown once)',
      auth: true,
      body: CreateTokenBodySchema,
      status: 201,
      response: TokenSchema,
      errors: [401],
      handler: async ({ actor, body }) => {
        const user = requireUser(actor);
        const { token, expiresAt } = await issueToken(db, user.id, 'api', body.expiresInDays * DAY_MS, body.label);
        return { token, label: body.label, expiresAt: expiresAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      tag: 'Accounts',
      summary: 'The signed-in user',
      auth: true,
      response: MeSchema,
      errors: [401],
      handler: ({ actor }) => getMe(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/users',
      tag: 'Accounts',
      summary: 'Find people by part of their display name (signed in; at least 2 characters, at most 20 answers): their public badges, to invite a co-author',
      auth: true,
      query: UserSearchQuerySchema,
      response: UserSearchResultSchema,
      errors: [400, 401],
      handler: async ({ actor, query }) => ({ users: await searchUsers(db, actor, query) }),
    }),
    defineRoute({
      method: 'get',
      path: '/users/:id',
      tag: 'Accounts',
      summary: 'A user as everyone sees them',
      params: UserParamsSchema,
      response: PublicUserSchema,
      errors: [404],
      handler: ({ params }) => getPublicUser(db, params.id),
    }),
    defineRoute({
      method: 'put',
      path: '/users/:id/role',
      tag: 'Accounts',
      summary: 'Set a user’s role (admin)',
      auth: true,
      params: UserParamsSchema,
      body: SetRoleBodySchema,
      response: PublicUserSchema,
      errors: [401, 403, 404],
      handler: ({ actor, params, body }) => setRole(db, actor, params.id, body.role, rightsChanged),
    }),
    defineRoute({
      method: 'put',
      path: '/bills/:id/rapporteurs/:userId',
      tag: 'Accounts',
      summary: 'Name a parliamentarian rapporteur of a bill (admin)',
      auth: true,
      params: RapporteurParamsSchema,
      status: 204,
      response: null,
      errors: [401, 403, 404, 409],
      handler: ({ actor, params }) => grantRapporteur(db, actor, params.id, params.userId, rightsChanged),
    }),
    defineRoute({
      method: 'delete',
      path: '/bills/:id/rapporteurs/:userId',
      tag: 'Accounts',
      summary: 'Remove a rapporteur of a bill (admin)',
      auth: true,
      params: RapporteurParamsSchema,
      status: 204,
      response: null,
      errors: [401, 403, 404],
      handler: ({ actor, params }) => revokeRapporteur(db, actor, params.id, params.userId, rightsChanged),
    }),
  ];
}
