import type { IncidentSummary, Volume } from '@drivebay/api-types';
import { kubeObjectId } from '@drivebay/api-types';
import type { IncidentState } from './incident-state.js';

/**
 * The incident banner's counts. Costs what is unhealthy, not the site: the inventory keeps its
 * unhealthy drives and offline enclosures indexed, and pods are reached through their volumes.
 */
export function incidentSummary(state: IncidentState): IncidentSummary {
  const drives = { failed: 0, offline: 0, degraded: 0 };
  for (const drive of state.inventory.unhealthyDrives.values()) {
    if (drive.health !== 'ok') drives[drive.health] += 1;
  }
  const volumes = { failed: 0, degraded: 0, rebuilding: 0 };
  const unhealthy: Volume[] = [];
  for (const volume of state.unhealthyVolumes) {
    if (volume.health === 'healthy') continue;
    volumes[volume.health] += 1;
    unhealthy.push(volume);
  }
  const pods = new Set<string>();
  const claims = new Set<string>();
  for (const volume of unhealthy) {
    for (const pod of state.podsOfVolume(volume.id)) pods.add(kubeObjectId(pod));
    for (const claim of state.claimsOfVolume(volume.id)) claims.add(kubeObjectId(claim));
  }
  const enclosuresOffline = state.inventory.enclosuresOffline.size;
  // Rebuilds alone are recovery in progress, not an incident.
  const active =
    enclosuresOffline + drives.failed + drives.offline + drives.degraded + volumes.failed + volumes.degraded >
    0;
  return {
    revision: state.revision,
    active,
    enclosuresOffline,
    drives,
    volumes,
    podsAffected: pods.size,
    claimsAffected: claims.size,
  };
}

/** Whether two summaries say the same (the revision aside): an unchanged summary is not sent again. */
export function sameSummary(a: IncidentSummary, b: IncidentSummary): boolean {
  return (
    a.active === b.active &&
    a.enclosuresOffline === b.enclosuresOffline &&
    a.drives.failed === b.drives.failed &&
    a.drives.offline === b.drives.offline &&
    a.drives.degraded === b.drives.degraded &&
    a.volumes.failed === b.volumes.failed &&
    a.volumes.degraded === b.volumes.degraded &&
    a.volumes.rebuilding === b.volumes.rebuilding &&
    a.podsAffected === b.podsAffected &&
    a.claimsAffected === b.claimsAffected
  );
}
