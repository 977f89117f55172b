import type { HealthStatus } from '@drivebay/api-types';
import { Router } from 'express';

/** Liveness answers while the process runs; readiness once it serves current state. */
export function healthRoutes(isReady: () => { ready: boolean; revision: number }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const body: HealthStatus = { status: 'ok' };
    res.json(body);
  });
  router.get('/readyz', (_req, res) => {
    const { ready, revision } = isReady();
    const body: HealthStatus = { status: ready ? 'ok' : 'starting', revision };
    res.status(ready ? 200 : 503).json(body);
  });
  return router;
}
