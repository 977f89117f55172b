import { EventsPageSchema } from '@drivebay/api-types';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { getJson } from '../../../api/getJson';
import { type EventFilters, normalizeEventFilters, withEventFilters } from '../model/eventFilters';

/** Events per page on screen. */
export const EVENTS_PAGE_SIZE = 200;

export const eventKeys = {
  all: ['events', 'timeline'] as const,
  list: (filters: EventFilters) => [...eventKeys.all, normalizeEventFilters(filters)] as const,
};

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
