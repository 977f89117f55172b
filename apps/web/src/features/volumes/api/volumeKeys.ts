import type { QueryKey } from '@tanstack/react-query';
import { normalizeFilters, parseFilters, type VolumeFilters } from '../model/volumeFilters';

/** Query keys for volume data, hierarchical so `volumeKeys.all` matches them all. */
export const volumeKeys = {
  all: ['volumes'] as const,
  lists: () => [...volumeKeys.all, 'list'] as const,
  /** Every volume matching `filters`, by name. */
  list: (filters: VolumeFilters) => [...volumeKeys.lists(), normalizeFilters(filters)] as const,
  details: () => [...volumeKeys.all, 'detail'] as const,
  detail: (id: string) => [...volumeKeys.details(), id] as const,
  eventLists: () => [...volumeKeys.all, 'events'] as const,
  /** The newest events about one volume. */
  events: (id: string) => [...volumeKeys.eventLists(), id] as const,
  /** Totals by health for the overview. */
  counts: () => [...volumeKeys.all, 'counts'] as const,
};

/** The filters a `volumeKeys.list(…)` key was made from. */
export function filtersOfListKey(key: QueryKey): VolumeFilters | undefined {
  const filters = key[2];
  if (typeof filters !== 'object' || filters === null) return undefined;
  return parseFilters(filters as Record<string, unknown>);
}

/** The volume id at the end of a detail or events key. */
export function idOfKey(key: QueryKey): string | undefined {
  const id = key[2];
  return typeof id === 'string' ? id : undefined;
}
