import type { AuditResult } from '@drivebay/api-types';
import type { Request, RequestHandler } from 'express';
import { principalOf } from '../auth/principal.js';
import type { Logger } from '../log.js';
import type { AuditTrail } from './audit-trail.js';
import { type RequestContext, requestContext } from './request-context.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Gives every mutating API request an audit context, and when the answer leaves without the
 * change having written its record (refused, failed, or changed nothing), writes one then.
 */
export function auditMutations(trail: AuditTrail, log: Logger): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const context: RequestContext = {
      actor: principalOf(res)?.actor ?? 'anonymous',
      ip: req.ip ?? 'unknown',
      action: `${req.method} ${req.baseUrl}${req.path}`.slice(0, 300),
      ...targetOf(req),
      audited: false,
    };
    res.on('finish', () => {
      if (context.audited) return;
      const detail = typeof res.locals.errorCode === 'string' ? res.locals.errorCode : undefined;
      trail
        .record(
          context,
          resultOf(res.statusCode),
          res.statusCode,
          detail ?? (res.statusCode < 300 ? 'unchanged' : undefined),
        )
        .catch((error: unknown) =>
          log.error('audit record failed', { action: context.action, error: String(error) }),
        );
    });
    requestContext.run(context, next);
  };
}

function resultOf(status: number): AuditResult {
  if (status < 400) return 'ok';
  if (status === 401 || status === 403 || status === 429) return 'denied';
  return status >= 500 ? 'error' : 'rejected';
}

/** "volume:pvc-1" from /volumes/pvc-1/publish; a target a body names is added once it is read (jsonBody). */
function targetOf(req: Request): { target?: string } {
  const [resource, id] = req.path.split('/').filter(Boolean);
  if (!resource || !id) return {};
  return { target: `${resource.replace(/s$/, '')}:${id.slice(0, 200)}` };
}
