import type { HealthStatus } from '@drivebay/api-types';
import { Router } from 'express';

/**
 * Liveness answers while the process runs; readiness once it serves current state, and not while
 * the change feed is broken (the state may be stale until it has been read again).
 */
export function healthRoutes(
  isReady: () => { ready: boolean; revision: number; feedError?: Error | undefined },
): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const body: HealthStatus = { status: 'ok' };
    res.json(body);
  });
  router.get('/readyz', (_req, res) => {
    const { ready, revision, feedError } = isReady();
    if (feedError) {
      const body: HealthStatus = {
        status: 'unavailable',
        revision,
        reason: `change feed failed: ${feedError.message}; reading the state again`,
      };
      res.status(503).json(body);
      return;
    }
    const body: HealthStatus = { status: ready ? 'ok' : 'starting', revision };
    res.status(ready ? 200 : 503).json(body);
  });
  return router;
}
