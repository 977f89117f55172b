import type { DomainEvent } from '@drivebay/api-types';
import type { QueryClient } from '@tanstack/react-query';
import { eventKeys } from '../features/events/api/eventQueries';
import type { EventFilters } from '../features/events/model/eventFilters';
import { prependLiveEvents, type TimelineData } from '../features/events/model/timeline';
import type { EventDeltaPort } from './ports';

/** Live events into every cached timeline, each through its own filters. */
export function eventCachePort(queryClient: QueryClient): EventDeltaPort {
  return {
    apply(events: readonly DomainEvent[]) {
      for (const query of queryClient.getQueryCache().findAll({ queryKey: eventKeys.all })) {
        const filters = (query.queryKey[2] ?? {}) as EventFilters;
        queryClient.setQueryData<TimelineData>(query.queryKey, (data) =>
          data ? prependLiveEvents(data, events, filters) : data,
        );
      }
    },
    resync() {
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  };
}
