import type { RequestHandler } from 'express';
import { sendError } from '../http/errors.js';
import { bearerOf, type CookiePolicy, sessionCookieOf } from './cookies.js';
import type { Authenticator } from './principal.js';

/**
 * Finds who the request acts as (bearer token first, else the session cookie) and leaves it in
 * res.locals.principal. It rejects nothing by itself except a bearer that does not resolve: a
 * script with a wrong token should hear so, not be treated as anonymous.
 */
export function authenticate(authenticator: Authenticator, cookies: CookiePolicy): RequestHandler {
  return async (req, res, next) => {
    try {
      const bearer = bearerOf(req);
      if (bearer !== undefined) {
        const principal = await authenticator.fromBearer(bearer);
        if (!principal) {
          sendError(res, 'UNAUTHENTICATED', 'the bearer token is unknown, revoked or expired');
          return;
        }
        res.locals.principal = principal;
        return next();
      }
      const cookie = sessionCookieOf(req.get('cookie'), cookies);
      if (cookie) {
        const principal = await authenticator.fromSession(cookie);
        if (principal) res.locals.principal = principal;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
