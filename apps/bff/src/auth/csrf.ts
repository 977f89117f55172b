import type { Request, RequestHandler } from 'express';
import { sendError } from '../http/errors.js';
import { principalOf } from './principal.js';

/** The header every mutating request from the console sends; cross-site forms cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'drivebay';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses cross-site mutations: a cookie-authenticated (or anonymous: login) POST/PATCH/DELETE
 * needs the non-simple X-Requested-With header, which a cross-site page cannot send without a
 * CORS preflight we never grant, and an Origin (or Sec-Fetch-Site) that says it came from here.
 * Bearer-token requests carry no ambient credential, so CSRF does not apply to them.
 */
export function csrfGuard(allowedOrigins: (req: Request) => readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method) || principalOf(res)?.via.kind === 'token') return next();
    if (req.get(CSRF_HEADER) !== CSRF_VALUE) {
      sendError(
        res,
        'PERMISSION_DENIED',
        `cross-site request refused: send the header ${CSRF_HEADER}: ${CSRF_VALUE}`,
      );
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined && !allowedOrigins(req).includes(origin)) {
      sendError(
        res,
        'PERMISSION_DENIED',
        `cross-site request refused: origin ${origin.slice(0, 100)} is not allowed`,
      );
      return;
    }
    if (origin === undefined && req.get('sec-fetch-site') === 'cross-site') {
      sendError(res, 'PERMISSION_DENIED', 'cross-site request refused');
      return;
    }
    next();
  };
}

/** The console's own origin (as the browser sees it) plus the configured ones. */
export function originsFor(configured: readonly string[], secure: boolean): (req: Request) => string[] {
  return (req) => {
    const host = req.get('host');
    return host ? [`${secure ? 'https' : 'http'}://${host}`, ...configured] : [...configured];
  };
}
