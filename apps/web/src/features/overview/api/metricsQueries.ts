import { CapacityReportSchema, MetricsHistorySchema } from '@drivebay/api-types';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/getJson';

/** Points a chart draws at most; the server averages longer histories down to this. */
export const CHART_POINTS = 240;

export const metricsKeys = {
  all: ['metrics'] as const,
  capacity: () => [...metricsKeys.all, 'capacity'] as const,
  history: (points: number) => [...metricsKeys.all, 'history', points] as const,
};

/** Capacity by tier and the rebuilds running, as the server computes them now. */
export function capacityQuery() {
  return queryOptions({
    queryKey: metricsKeys.capacity(),
    queryFn: ({ signal }) => getJson('/api/v1/capacity', CapacityReportSchema, signal),
    // Refreshed by useRefreshOnChange when the site changes, not on a timer.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The recorded history (a week at most), downsampled by the server to `points`. */
export function historyQuery(points = CHART_POINTS) {
  return queryOptions({
    queryKey: metricsKeys.history(points),
    queryFn: ({ signal }) =>
      getJson(`/api/v1/metrics/history?points=${points}`, MetricsHistorySchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
