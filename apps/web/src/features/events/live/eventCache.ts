import type { DomainEvent } from '@drivebay/api-types';
import type { QueryCacheNotifyEvent, QueryClient, QueryKey } from '@tanstack/react-query';
import { eventKeys, filtersOfTimelineKey } from '../api/eventQueries';
import { eventsAfterLoaded, LIVE_CAP, prependLiveEvents, type TimelineData } from '../model/timeline';

/** Where live domain events go: the events timelines in the react-query cache. */
export interface EventDeltaPort {
  apply(events: readonly DomainEvent[]): void;
  /** Events may have been missed: timelines must reload. */
  resync(): void;
}

/**
 * Live events into every cached timeline, each through its own filters. A timeline loading
 * when events arrive may answer from before them, so they are kept for it and put in again
 * once its load settles (the reducer skips those it already holds).
 */
export function eventCachePort(queryClient: QueryClient): EventDeltaPort {
  const cache = queryClient.getQueryCache();
  const waiting = new Map<string, { key: QueryKey; events: DomainEvent[] }>();
  let unsubscribe: (() => void) | undefined;

  const prepend = (key: QueryKey, events: readonly DomainEvent[], held = false) => {
    const filters = filtersOfTimelineKey(key);
    if (!filters) return;
    queryClient.setQueryData<TimelineData>(key, (data) =>
      data ? prependLiveEvents(data, held ? eventsAfterLoaded(data, events) : events, filters) : data,
    );
  };
  const stopWatching = () => {
    waiting.clear();
    unsubscribe?.();
    unsubscribe = undefined;
  };
  // Listens only while some load holds events back, so a discarded port leaves nothing behind.
  const handleCacheEvent = (event: QueryCacheNotifyEvent) => {
    const held = waiting.get(event.query.queryHash);
    if (!held) return;
    // A paused load (no network) is still to answer; a removed query wants nothing.
    if (event.type !== 'removed' && event.query.state.fetchStatus !== 'idle') return;
    waiting.delete(event.query.queryHash);
    if (event.type !== 'removed') prepend(held.key, held.events, true);
    if (waiting.size === 0) stopWatching();
  };

  return {
    apply(events) {
      for (const query of cache.findAll({ queryKey: eventKeys.all })) {
        if (query.state.fetchStatus !== 'idle') {
          const held = waiting.get(query.queryHash) ?? { key: query.queryKey, events: [] };
          held.events.push(...events);
          // The newest matter: the timeline keeps no more than LIVE_CAP anyway.
          if (held.events.length > LIVE_CAP) held.events.splice(0, held.events.length - LIVE_CAP);
          waiting.set(query.queryHash, held);
          unsubscribe ??= cache.subscribe(handleCacheEvent);
        }
        prepend(query.queryKey, events);
      }
    },
    resync() {
      // The loads this starts answer from after the missed events, and so from after those held.
      stopWatching();
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  };
}
