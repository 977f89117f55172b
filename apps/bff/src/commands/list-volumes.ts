import { type Volume, type VolumeList, type VolumeListQuery, volumeMatchesText } from '@drivebay/api-types';
import type { VolumeView } from '../state/volume-view.js';

/** Filters, sorts by name and pages the mirrored volumes (a query, so no commit). */
export function listVolumes(view: VolumeView, query: VolumeListQuery): VolumeList {
  const source = query.drive ? view.onDrive(query.drive) : view.volumes.values();
  const matching: Volume[] = [];
  for (const volume of source) {
    if (query.after !== undefined && volume.name <= query.after) continue;
    if (matches(volume, query)) matching.push(volume);
  }
  matching.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { volumes: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
}

function matches(volume: Volume, query: VolumeListQuery): boolean {
  if (query.lifecycle && volume.lifecycle !== query.lifecycle) return false;
  if (query.health && volume.health !== query.health) return false;
  if (query.type && volume.request.parameters.type !== query.type) return false;
  if (query.cluster && volume.cluster !== query.cluster) return false;
  if (query.storageGroup && !volume.members.some((m) => m.storageGroup === query.storageGroup)) return false;
  if (query.q && !volumeMatchesText(volume, query.q)) return false;
  return true;
}
