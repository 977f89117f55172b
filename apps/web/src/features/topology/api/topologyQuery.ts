import { TopologySnapshotSchema } from '@drivebay/api-types';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { isRetryable } from '../../../shared/api/apiError';
import { getJson } from '../../../shared/api/getJson';
import { buildTopologyModel } from '../model/buildTopologyModel';
import type { TopologyModel } from '../model/topologyModel';
import { topologyKeys } from './topologyKeys';

export const TOPOLOGY_PATH = '/api/v1/topology';

/** Fetches, validates and decodes the topology snapshot. */
export async function fetchTopologyModel(signal?: AbortSignal): Promise<TopologyModel> {
  return buildTopologyModel(await getJson(TOPOLOGY_PATH, TopologySnapshotSchema, signal));
}

/**
 * The snapshot query. Live deltas keep it current, so it never goes stale, never refetches
 * on focus or reconnect (the live client resyncs instead), and skips structural sharing,
 * which would deep-compare 100,000 drives on every update.
 */
export function topologySnapshotQuery() {
  return queryOptions({
    queryKey: topologyKeys.snapshot(),
    queryFn: ({ signal }) => fetchTopologyModel(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    structuralSharing: false,
    retry: (failures, error) => failures < 2 && isRetryable(error),
  });
}

/**
 * The model for a one-off use (drawing the map for an export): the live one when a page follows
 * the topology room, else a snapshot fetched now, without following the room.
 */
export function loadTopologyModel(queryClient: QueryClient): Promise<TopologyModel> {
  return queryClient.fetchQuery(topologySnapshotQuery());
}
