import type { Volume } from '@drivebay/api-types';
import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useLiveRoom } from '../../../shared/live/LiveTransportContext';
import { volumeLoadProgress } from '../api/loadProgress';
import { volumeKeys } from '../api/volumeKeys';
import { volumeListQuery } from '../api/volumeQueries';
import { volumesRoom } from '../live/volumeRooms';
import { hasFilters, matchesFilters, type VolumeFilters } from '../model/volumeFilters';

/**
 * Every volume matching `filters`, live. While a filtered list loads, the unfiltered list
 * (when cached, and so live too) is filtered here to show something at once. `enabled` false
 * loads nothing (for views that need the volumes only in some modes).
 */
export function useVolumeList(filters: VolumeFilters, enabled = true) {
  useLiveRoom(enabled ? volumesRoom : undefined);
  const queryClient = useQueryClient();
  const options = volumeListQuery(filters);
  const hash = hashKey(options.queryKey);
  const all = hasFilters(filters)
    ? queryClient.getQueryData<readonly Volume[]>(volumeKeys.list({}))
    : undefined;
  // Memoized: react-query reads the placeholder on every render, and a new array each time
  // (with structural sharing off) would look like new data forever.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `hash` stands for `filters`.
  const placeholder = useMemo(() => all?.filter((volume) => matchesFilters(volume, filters)), [all, hash]);
  return useQuery({ ...options, placeholderData: placeholder, enabled });
}

/** How far the list for `filters` has loaded, while it loads. */
export function useVolumeLoadProgress(filters: VolumeFilters) {
  const hash = hashKey(volumeKeys.list(filters));
  const get = useCallback(() => volumeLoadProgress.get(hash), [hash]);
  return useSyncExternalStore(volumeLoadProgress.subscribe, get);
}
