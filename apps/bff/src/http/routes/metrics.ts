import { type CapacityReport, type MetricsHistory, MetricsHistoryQuerySchema } from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';
import { downsample } from '../../metrics/downsample.js';
import { capacityReport, type SiteState } from '../../metrics/site-figures.js';
import type { MetricsHistory as History } from '../../state/metrics-history.js';
import { parseInput } from '../parse.js';

/** Capacity now, and the recorded history for the overview's charts (downsampled to `points`). */
export function metricsRoutes(
  table: AccessTable,
  state: () => SiteState,
  history: History,
  intervalMs: number,
): Router {
  const routes = table.router();
  let cached: CapacityReport | undefined;

  routes.get('/capacity', 'viewer', (_req, res) => {
    const current = state();
    // A full scan is ~12 ms at 100,000 drives: once per revision, however many browsers ask.
    if (cached?.revision !== current.revision) cached = capacityReport(current);
    res.json(cached);
  });

  routes.get('/metrics/history', 'viewer', (req, res) => {
    const query = parseInput(MetricsHistoryQuerySchema, req.query, 'query');
    const recorded = history.since(query.since);
    const body: MetricsHistory = {
      samples: downsample(recorded, query.points),
      recorded: recorded.length,
      intervalSeconds: intervalMs / 1000,
    };
    res.json(body);
  });
  return routes.router;
}
