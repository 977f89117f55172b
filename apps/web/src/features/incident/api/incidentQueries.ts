import { IncidentReportSchema, IncidentSummarySchema } from '@drivebay/api-types';
import { queryOptions } from '@tanstack/react-query';
import { isRetryable } from '../../../shared/api/apiError';
import { getJson } from '../../../shared/api/getJson';

export const incidentKeys = {
  all: ['incident'] as const,
  summary: () => [...incidentKeys.all, 'summary'] as const,
  report: () => [...incidentKeys.all, 'report'] as const,
};

/** The banner's counts, derived by the server; the incident room keeps them current. */
export function incidentSummaryQuery() {
  return queryOptions({
    queryKey: incidentKeys.summary(),
    queryFn: ({ signal }) => getJson('/api/v1/incident/summary', IncidentSummarySchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });
}

/** Everything the incident touches, derived by the server from one state; refreshed as the summary moves. */
export function incidentReportQuery() {
  return queryOptions({
    queryKey: incidentKeys.report(),
    queryFn: ({ signal }) => getJson('/api/v1/incident', IncidentReportSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: (failures, error) => failures < 3 && isRetryable(error),
  });
}
