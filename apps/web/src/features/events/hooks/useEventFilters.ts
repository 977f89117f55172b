import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type EventFilters, eventFiltersFromParams, withEventFilters } from '../model/eventFilters';

/** The timeline's filters live in the URL (`/events?severity=critical&source=hardware`): links, back and forward work. */
export function useEventFilters(): [EventFilters, (filters: EventFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => eventFiltersFromParams(params), [params]);
  const setFilters = useCallback(
    (next: EventFilters) => setParams((previous) => withEventFilters(previous, next)),
    [setParams],
  );
  return [filters, setFilters];
}
