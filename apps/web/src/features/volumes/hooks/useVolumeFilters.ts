import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseFilters, type VolumeFilters, withFilters } from '../model/volumeFilters';

/** The list filters live in the URL (`/volumes?health=degraded`), so links and back/forward work. */
export function useVolumeFilters(): [VolumeFilters, (filters: VolumeFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const setFilters = useCallback(
    (next: VolumeFilters) => setParams((previous) => withFilters(previous, next)),
    [setParams],
  );
  return [filters, setFilters];
}
