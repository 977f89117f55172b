import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { principalOf } from '../auth/principal.js';
import type { Logger } from '../log.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An id a proxy or client sent is kept when it is short and plain (it ends up in log lines). */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The request's id, set by requestLog (errors name it, so a failure can be found in the log). */
export function requestIdOf(res: Response): string | undefined {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
}

/**
 * One line per HTTP request once its answer is sent: id, method, path and route pattern, status,
 * duration and who asked. Only what is listed here is written: never headers, cookies, bodies or
 * the query string (an OIDC callback's code, a mistyped token). API requests and failures are at
 * info (5xx at error); the console's files, health probes and scrapes at debug, so the log stays
 * about what people do.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    // Taken now: routers rewrite req.url while they handle it. A path longer than this is an attack or a bug.
    const path = req.path.slice(0, 512);
    const write = (aborted: boolean) => {
      const principal = principalOf(res);
      const fields = {
        requestId,
        method: req.method,
        path,
        ...routeOf(req),
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        ...(principal
          ? {
              user: principal.username,
              ...(principal.via.kind === 'token' ? { tokenId: principal.via.id } : {}),
            }
          : {}),
        ...(aborted ? { aborted: true } : {}),
      };
      if (res.statusCode >= 500) log.error('request', fields);
      else if (path.startsWith('/api/') || res.statusCode >= 400 || aborted) log.info('request', fields);
      else log.debug('request', fields);
    };
    // 'close' without 'finish': the client went away before the answer was sent.
    res.once('finish', () => write(false));
    res.once('close', () => {
      if (!res.writableFinished) write(true);
    });
    next();
  };
}

/** The matched route's pattern under its mounts ("/api/v1/volumes/:id"), when a route matched. */
function routeOf(req: Request): { route?: string } {
  const pattern: unknown = req.route?.path;
  return typeof pattern === 'string' ? { route: `${req.baseUrl}${pattern}` } : {};
}
