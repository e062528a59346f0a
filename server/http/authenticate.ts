/**
 * Resolves the actor of every request once, from the session cookie (browsers) or a bearer token
 * (API clients), and leaves it in `res.locals.actor` for the routes.
 */
import type { RequestHandler } from 'express';
import { ErrorCode } from '../../shared/errors.ts';
import type { Actor } from '../common/actor.ts';
import { DomainError } from '../common/errors.ts';
import type { Database } from '../storage/database.ts';
import { resolveToken, SESSION_COOKIE } from '../modules/users/index.ts';

/** Middleware setting `res.locals.actor`; an invalid bearer token is an error, a stale cookie is just anonymous. */
export function authenticate(db: Database): RequestHandler {
  return async (req, res, next) => {
    let actor: Actor = null;
    const header = req.get('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      actor = match?.[1] ? await resolveToken(db, match[1], 'api') : null;
      // A client that sends credentials wants to act as someone: failing silently would hide the mistake.
      if (actor === null) throw new DomainError(ErrorCode.authenticationRequired, 'The bearer token is invalid or expired.');
    } else {
      const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
      if (typeof cookie === 'string') {
        actor = await resolveToken(db, cookie, 'session');
        if (actor === null) res.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    res.locals.actor = actor;
    next();
  };
}
