import type { TopologyDelta, Volume } from '@drivebay/api-types';
import { compareByName, mergeByName } from './byName';
import { matchesFilters, type VolumeFilters } from './volumeFilters';

/** The last word on each volume a batch mentions: the volume, or null when it was deleted. */
export function latestVolumes(deltas: readonly TopologyDelta[]): Map<string, Volume | null> {
  const latest = new Map<string, Volume | null>();
  for (const delta of deltas) {
    if (delta.type === 'volume.put') latest.set(delta.volume.id, delta.volume);
    else if (delta.type === 'volume.delete') latest.set(delta.id, null);
  }
  return latest;
}

/**
 * Applies live volume deltas to a name-ordered list filtered by `filters`, without touching
 * it: puts replace or insert (in name order) when the volume matches the filters and remove it
 * when it no longer does; deletes remove. One pass over the list per batch; the same list is
 * returned when nothing in it changed, so React and react-query see no update.
 */
export function applyVolumeDeltas(
  list: readonly Volume[],
  deltas: readonly TopologyDelta[],
  filters: VolumeFilters,
): readonly Volume[] {
  const latest = latestVolumes(deltas);
  if (latest.size === 0) return list;
  let changed = false;
  const kept: Volume[] = [];
  const toInsert: Volume[] = [];
  for (const volume of list) {
    if (!latest.has(volume.id)) {
      kept.push(volume);
      continue;
    }
    const next = latest.get(volume.id) ?? null;
    latest.delete(volume.id);
    if (next === volume) {
      kept.push(volume);
    } else if (next === null || !matchesFilters(next, filters)) {
      changed = true;
    } else {
      changed = true;
      if (next.name === volume.name) kept.push(next);
      else toInsert.push(next);
    }
  }
  for (const next of latest.values()) {
    if (next && matchesFilters(next, filters)) toInsert.push(next);
  }
  if (toInsert.length === 0) return changed ? kept : list;
  return mergeByName(kept, toInsert.sort(compareByName));
}

/** Applies live deltas to one volume (a detail page's data); null means it does not exist. */
export function applyVolumeDeltasToOne(
  volume: Volume | null,
  deltas: readonly TopologyDelta[],
  id: string,
): Volume | null {
  const latest = latestVolumes(deltas);
  return latest.has(id) ? (latest.get(id) ?? null) : volume;
}
