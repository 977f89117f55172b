import type { TopologyDelta, Volume } from '@drivebay/api-types';
import type { QueryClient } from '@tanstack/react-query';
import { browserSchedule, type Schedule } from '../../../shared/live/liveTransport';
import { type VolumeJournal, volumeJournal } from '../api/volumeJournal';
import { filtersOfListKey, idOfKey, volumeKeys } from '../api/volumeKeys';
import { applyVolumeDeltas, applyVolumeDeltasToOne } from '../model/applyVolumeDeltas';
import { prependVolumeEvents, type VolumeEventList } from '../model/volumeEvents';

/** Health counts come from the server; after volume changes they are re-asked at most this often. */
export const COUNTS_REFRESH_MS = 2_000;

/** Where live volume changes go: the volume queries in the react-query cache. */
export interface VolumeDeltaPort {
  /** Volume puts and deletes and volume events, in revision order. */
  apply(deltas: readonly TopologyDelta[]): void;
  /** Volume deltas may have been missed: every volume query loads again. */
  resync(): void;
  /** The sync follows the store: volume data read from now on misses nothing. */
  ready(): void;
}

interface VolumeCacheOptions {
  journal?: VolumeJournal;
  schedule?: Schedule;
}

/**
 * Routes live volume deltas into every cached volume query through the pure reducers: each
 * filtered list, each open volume, each volume's events. Loads still in flight catch up from
 * the journal when they finish, and wait to start until the sync is ready. After a resync every
 * volume query loads again.
 */
export function volumeCachePort(queryClient: QueryClient, options: VolumeCacheOptions = {}): VolumeDeltaPort {
  const journal = options.journal ?? volumeJournal;
  const schedule = options.schedule ?? browserSchedule;
  let countsPending = false;
  const refreshCountsSoon = () => {
    if (countsPending) return;
    countsPending = true;
    schedule(() => {
      countsPending = false;
      void queryClient.invalidateQueries({ queryKey: volumeKeys.counts() });
    }, COUNTS_REFRESH_MS);
  };

  return {
    apply(deltas) {
      journal.record(deltas);
      for (const [key, list] of queryClient.getQueriesData<readonly Volume[]>({
        queryKey: volumeKeys.lists(),
      })) {
        const filters = filtersOfListKey(key);
        if (!list || !filters) continue;
        const next = applyVolumeDeltas(list, deltas, filters);
        if (next !== list) queryClient.setQueryData(key, next);
      }
      for (const [key, volume] of queryClient.getQueriesData<Volume | null>({
        queryKey: volumeKeys.details(),
      })) {
        const id = idOfKey(key);
        if (volume === undefined || !id) continue;
        const next = applyVolumeDeltasToOne(volume, deltas, id);
        if (next !== volume) queryClient.setQueryData(key, next);
      }
      for (const [key, events] of queryClient.getQueriesData<VolumeEventList>({
        queryKey: volumeKeys.eventLists(),
      })) {
        const id = idOfKey(key);
        if (!events || !id) continue;
        const next = prependVolumeEvents(events, deltas, id);
        if (next !== events) queryClient.setQueryData(key, next);
      }
      if (deltas.some((delta) => delta.type !== 'event')) refreshCountsSoon();
    },
    resync() {
      journal.resync();
      void queryClient.invalidateQueries({ queryKey: volumeKeys.all });
    },
    ready() {
      journal.markLive();
    },
  };
}
