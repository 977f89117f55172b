import { EventsPageSchema } from '@drivebay/api-types';
import { infiniteQueryOptions, type QueryKey } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/getJson';
import {
  type EventFilters,
  eventFiltersFromParams,
  normalizeEventFilters,
  withEventFilters,
} from '../model/eventFilters';

/** Events per page on screen. */
export const EVENTS_PAGE_SIZE = 200;

export const eventKeys = {
  all: ['events', 'timeline'] as const,
  list: (filters: EventFilters) => [...eventKeys.all, normalizeEventFilters(filters)] as const,
};

/** The filters an `eventKeys.list(…)` key was made from, read back as the URL would be. */
export function filtersOfTimelineKey(key: QueryKey): EventFilters | undefined {
  const filters = key[2];
  if (typeof filters !== 'object' || filters === null) return undefined;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    // Lists become "a,b", as in the URL.
    if (typeof value === 'string' || Array.isArray(value)) params.set(name, String(value));
  }
  return eventFiltersFromParams(params);
}

/** The timeline for `filters`, newest first; older pages follow `nextBefore`; live events arrive through eventCachePort. */
export function eventTimelineQuery(filters: EventFilters) {
  return infiniteQueryOptions({
    queryKey: eventKeys.list(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = withEventFilters(new URLSearchParams(), filters);
      params.set('limit', String(EVENTS_PAGE_SIZE));
      if (pageParam) params.set('before', pageParam);
      return getJson(`/api/v1/events?${params}`, EventsPageSchema, signal);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Kept current by live events; reloaded when the live sync had to resync.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
