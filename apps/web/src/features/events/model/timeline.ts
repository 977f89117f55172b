import type { DomainEvent, EventsPage } from '@drivebay/api-types';
import { type EventFilters, matchesEventFilters } from './eventFilters';

/** The events query's cached data: pages newest first, as react-query's infinite queries keep them. */
export interface TimelineData {
  readonly pages: readonly EventsPage[];
  readonly pageParams: readonly unknown[];
}

/** Most events a timeline keeps in memory while live events pour in; older ones load again on demand. */
export const LIVE_CAP = 2_000;

/**
 * Live events put on top of the first page: only those the filters admit and the timeline does not
 * hold yet (a reconnect can deliver an event the page already loaded), newest first.
 */
export function prependLiveEvents(
  data: TimelineData,
  events: readonly DomainEvent[],
  filters: EventFilters,
  cap = LIVE_CAP,
): TimelineData {
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const known = new Set(first.events.map((e) => e.id));
  const fresh = events.filter((e) => !known.has(e.id) && matchesEventFilters(e, filters));
  if (fresh.length === 0) return data;
  const sorted = [...fresh].sort((a, b) => (a.id < b.id ? 1 : -1));
  const merged = [...sorted, ...first.events];
  const total = merged.length + rest.reduce((n, page) => n + page.events.length, 0);
  if (total <= cap) return { ...data, pages: [{ ...first, events: merged }, ...rest] };
  const kept = [...merged, ...rest.flatMap((page) => page.events)].slice(0, cap);
  return { pages: [{ events: kept, nextBefore: kept.at(-1)?.id ?? null }], pageParams: [data.pageParams[0]] };
}

/** Every loaded event, newest first. */
export function timelineEvents(data: TimelineData | undefined): DomainEvent[] {
  return data ? data.pages.flatMap((page) => page.events) : [];
}

/** How many events arrived after `newestSeenId` (the newest one on screen when paused). */
export function countNewer(events: readonly DomainEvent[], newestSeenId: string | undefined): number {
  if (newestSeenId === undefined) return events.length;
  let count = 0;
  for (const event of events) {
    if (event.id <= newestSeenId) break;
    count += 1;
  }
  return count;
}

/**
 * Of events held back while the timeline loaded, those newer than all it loaded. Older ones
 * were committed before the answer was read, so it holds them already (perhaps on a later
 * page) or its filters left them out.
 */
export function eventsAfterLoaded(data: TimelineData, events: readonly DomainEvent[]): DomainEvent[] {
  const newest = data.pages[0]?.events[0]?.id;
  return newest === undefined ? [...events] : events.filter((event) => event.id > newest);
}
