import type { IncidentReport, IncidentSummary } from '@drivebay/api-types';
import { type IncidentState, incidentReport, incidentSummary } from '@drivebay/composer';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';

/**
 * The incident as the composer derives it from the state at one revision: the banner's summary,
 * and the report of everything affected (also the postmortem's JSON).
 */
export function incidentRoutes(table: AccessTable, state: () => IncidentState, now: () => Date): Router {
  const routes = table.router();
  routes.get('/incident/summary', 'viewer', (_req, res) => {
    const body: IncidentSummary = incidentSummary(state());
    res.json(body);
  });
  routes.get('/incident', 'viewer', (_req, res) => {
    const body: IncidentReport = incidentReport(state(), now().toISOString());
    res.json(body);
  });
  return routes.router;
}
