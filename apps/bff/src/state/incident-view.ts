import type { IncidentState } from '@drivebay/composer';
import type { StoreMirror } from './mirror.js';

/** The mirror as the composer's incident state: everything at the mirror's current revision. */
export function incidentStateOf(mirror: StoreMirror): IncidentState {
  return {
    revision: mirror.revision,
    inventory: mirror.inventory,
    // An array, not the map's iterator: the report and its summary both read it.
    unhealthyVolumes: [...mirror.volumes.unhealthy.values()],
    podsOfVolume: (id) => mirror.kube.podsOfVolume(id),
    claimsOfVolume: (id) => mirror.kube.claimsOfVolume(id),
    clustersWatched: mirror.kube.clusters.size,
  };
}
