import {
  EventsPageSchema,
  type TopologyDelta,
  type Volume,
  VolumeListSchema,
  VolumeSchema,
} from '@drivebay/api-types';
import { VOLUME_HEALTH_WORST_FIRST } from '@drivebay/composer/health';
import { hashKey, queryOptions } from '@tanstack/react-query';
import { ApiError, isRetryable } from '../../../shared/api/apiError';
import { getJson } from '../../../shared/api/getJson';
import { applyVolumeDeltas, applyVolumeDeltasToOne } from '../model/applyVolumeDeltas';
import { prependVolumeEvents, type VolumeEventList } from '../model/volumeEvents';
import { listQueryString, type VolumeFilters } from '../model/volumeFilters';
import type { VolumeHealthCounts } from '../model/volumeSummary';
import { fetchAllVolumes, type VolumePageFetcher } from './fetchAllVolumes';
import { volumeLoadProgress } from './loadProgress';
import { type VolumeJournal, volumeJournal } from './volumeJournal';
import { volumeKeys } from './volumeKeys';

export const VOLUMES_PATH = '/api/v1/volumes';
export const EVENTS_PATH = '/api/v1/events';
/** How many of a volume's newest events the detail page shows. */
export const EVENTS_LIMIT = 100;

/** One page of GET /api/v1/volumes, validated. */
export const getVolumePage: VolumePageFetcher = (filters, offset, limit, signal) =>
  getJson(`${VOLUMES_PATH}?${listQueryString(filters, offset, limit)}`, VolumeListSchema, signal);

/**
 * Live deltas keep volume data current, so it never goes stale or refetches on focus or
 * reconnect (the live sync invalidates it when it had to resync instead).
 */
const live = {
  staleTime: Number.POSITIVE_INFINITY,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: (failures: number, error: Error) => failures < 3 && isRetryable(error),
} as const;

/** How long a load waits for the live connection before loading anyway. */
const LIVE_WAIT_MS = 4_000;

/**
 * Loads with `load`, then replays the live deltas that arrived meanwhile with `replay`. Waits
 * first until the live sync follows a revision: data read before it could miss deltas, and
 * the sync would throw it away and load it again.
 */
async function caughtUp<T>(
  journal: VolumeJournal,
  signal: AbortSignal,
  load: () => Promise<T>,
  replay: (data: T, missed: readonly TopologyDelta[]) => T,
): Promise<T> {
  await journal.whenLive(LIVE_WAIT_MS, signal);
  const reader = journal.open();
  try {
    const data = await load();
    const missed = journal.read(reader);
    if (!missed) throw new Error('Live updates were missed while loading; loading again.');
    return replay(data, missed);
  } finally {
    journal.close(reader);
  }
}

/** Every volume matching `filters`, by name, paged in 1,000 at a time and kept live. */
export function volumeListQuery(filters: VolumeFilters, journal: VolumeJournal = volumeJournal) {
  const queryKey = volumeKeys.list(filters);
  const hash = hashKey(queryKey);
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }): Promise<readonly Volume[]> => {
      try {
        return await caughtUp<readonly Volume[]>(
          journal,
          signal,
          () =>
            fetchAllVolumes(filters, getVolumePage, {
              signal,
              onProgress: (loaded, total) => volumeLoadProgress.set(hash, { loaded, total }),
            }),
          (list, missed) => applyVolumeDeltas(list, missed, filters),
        );
      } finally {
        volumeLoadProgress.set(hash, undefined);
      }
    },
    // Deep-comparing 50,000 volumes on every update would cost more than it saves.
    structuralSharing: false,
    ...live,
  });
}

/** One volume; null when the server does not know it (404). */
export async function fetchVolume(id: string, signal?: AbortSignal): Promise<Volume | null> {
  try {
    return await getJson(`${VOLUMES_PATH}/${encodeURIComponent(id)}`, VolumeSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function volumeDetailQuery(id: string, journal: VolumeJournal = volumeJournal) {
  return queryOptions({
    queryKey: volumeKeys.detail(id),
    queryFn: ({ signal }) =>
      caughtUp(
        journal,
        signal,
        () => fetchVolume(id, signal),
        (volume, missed) => applyVolumeDeltasToOne(volume, missed, id),
      ),
    ...live,
  });
}

/** The volume's newest events, newest first. */
export function volumeEventsQuery(id: string, journal: VolumeJournal = volumeJournal) {
  return queryOptions({
    queryKey: volumeKeys.events(id),
    queryFn: ({ signal }) =>
      caughtUp(
        journal,
        signal,
        async (): Promise<VolumeEventList> => {
          const object = encodeURIComponent(`volume:${id}`);
          const page = await getJson(
            `${EVENTS_PATH}?object=${object}&limit=${EVENTS_LIMIT}`,
            EventsPageSchema,
            signal,
          );
          return { events: page.events, hasOlder: page.nextBefore !== null };
        },
        (list, missed) => prependVolumeEvents(list, missed, id),
      ),
    ...live,
  });
}

/** Totals by health from five one-volume pages: cheap at any number of volumes. */
export async function fetchVolumeCounts(signal?: AbortSignal): Promise<VolumeHealthCounts> {
  const [all, ...byHealth] = await Promise.all(
    [{}, ...VOLUME_HEALTH_WORST_FIRST.map((health) => ({ health }))].map((filters: VolumeFilters) =>
      getVolumePage(filters, 0, 1, signal),
    ),
  );
  const counts = { healthy: 0, degraded: 0, rebuilding: 0, failed: 0 };
  VOLUME_HEALTH_WORST_FIRST.forEach((health, i) => {
    counts[health] = byHealth[i]?.total ?? 0;
  });
  return { total: all?.total ?? 0, byHealth: counts };
}

export function volumeCountsQuery() {
  return queryOptions({
    queryKey: volumeKeys.counts(),
    queryFn: ({ signal }) => fetchVolumeCounts(signal),
    ...live,
  });
}
