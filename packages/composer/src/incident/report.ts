import {
  type AffectedClaim,
  type AffectedDrive,
  type AffectedPod,
  type AffectedVolume,
  type Claim,
  type IncidentReport,
  kubeObjectId,
  type Pod,
  type Volume,
} from '@drivebay/api-types';
import { isAffected, type VolumeImpact, volumeImpact } from '../health/impact.js';
import { driveHealthRank, volumeHealthRank, worstVolumeHealth } from '../health/order.js';
import type { IncidentState } from './incident-state.js';
import { incidentSummary } from './summary.js';

/**
 * Everything an incident touches, worst first: offline enclosures, unhealthy drives, volumes by
 * what they lost (availability, redundancy, a rebuild under way), and the pods and PVCs on them.
 * Derived from one state at one revision, with the banner's summary of that same state.
 */
export function incidentReport(state: IncidentState, now: string): IncidentReport {
  const { inventory } = state;
  // Read once: the summary below reads the same volumes, and an iterator is read only once.
  const volumes = [...state.unhealthyVolumes];
  const unhealthy = volumes.filter((v) => isAffected(v.health));
  const health = new Map(unhealthy.map((v) => [v.id, v.health]));
  const pods = new Map<string, Pod>();
  const claims = new Map<string, Claim>();
  for (const volume of unhealthy) {
    for (const pod of state.podsOfVolume(volume.id)) pods.set(kubeObjectId(pod), pod);
    for (const claim of state.claimsOfVolume(volume.id)) claims.set(kubeObjectId(claim), claim);
  }
  const affectedClaims = [...claims.values()].flatMap((claim) => affectedClaim(claim, health, pods));
  const claimNames = new Map<string, string[]>();
  for (const claim of affectedClaims) {
    if (!claim.volumeId) continue;
    claimNames.set(claim.volumeId, [
      ...(claimNames.get(claim.volumeId) ?? []),
      `${claim.namespace}/${claim.name}`,
    ]);
  }
  // The report's volume lists are the health model's impacts, so the two cannot disagree.
  const byImpact = (wanted: VolumeImpact) =>
    unhealthy
      .filter((v) => volumeImpact(v.health) === wanted)
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))
      .map((v) => affectedVolume(v, claimNames.get(v.id) ?? []));
  const drives: AffectedDrive[] = [...inventory.unhealthyDrives.values()].flatMap((d) =>
    d.health === 'ok'
      ? []
      : [{ id: d.id, serial: d.serial, health: d.health, enclosureId: d.enclosure, bay: d.bay }],
  );
  drives.sort((a, b) => driveHealthRank(a.health) - driveHealthRank(b.health) || a.id.localeCompare(b.id));
  return {
    generatedAt: now,
    revision: state.revision,
    site: inventory.site?.name ?? null,
    summary: incidentSummary({ ...state, unhealthyVolumes: volumes }),
    enclosuresOffline: [...inventory.enclosuresOffline.values()]
      .map((e) => ({
        id: e.id,
        name: e.name,
        rack: e.rack,
        firstDriveId: inventory.drivesIn(e.id)[0]?.id ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    drives,
    lostAvailability: byImpact('availability'),
    lostRedundancy: byImpact('redundancy'),
    rebuilding: byImpact('rebuilding'),
    pods: [...pods.values()].flatMap((pod) => affectedPod(pod, health, state)).sort(worstThenName),
    claims: affectedClaims.sort(worstThenName),
    clustersWatched: state.clustersWatched,
  };
}

function affectedVolume(volume: Volume, claims: readonly string[]): AffectedVolume {
  const hurt = volume.members.filter((m) => m.state !== 'active');
  const rebuilds = hurt.flatMap((m) => (m.state === 'rebuilding' && m.rebuild ? [m.rebuild] : []));
  const base = {
    id: volume.id,
    name: volume.name,
    cluster: volume.cluster,
    layout: volume.layout,
    impact: volumeImpact(volume.health),
    drives: hurt.map((m) => m.driveId),
    claims: [...claims].sort(),
  };
  if (rebuilds.length === 0) return base;
  const progress = Math.min(...rebuilds.map((r) => r.progress));
  const eta =
    rebuilds
      .map((r) => r.eta)
      .sort()
      .at(-1) ?? '';
  return { ...base, rebuild: { progress, eta } };
}

function affectedPod(
  pod: Pod,
  health: ReadonlyMap<string, Volume['health']>,
  state: IncidentState,
): AffectedPod[] {
  const worst = worstVolumeHealth(pod.volumeIds.map((id) => health.get(id)));
  if (!isAffected(worst)) return [];
  return [
    {
      cluster: pod.cluster,
      namespace: pod.namespace,
      name: pod.name,
      health: worst,
      workload: pod.workload ? `${pod.workload.kind}/${pod.workload.name}` : null,
      phase: pod.phase,
      node: pod.node,
      server: pod.server,
      serverHostname:
        pod.server === null ? null : (state.inventory.servers.get(pod.server)?.hostname ?? null),
      claims: pod.claims,
      volumeIds: pod.volumeIds,
    },
  ];
}

function affectedClaim(
  claim: Claim,
  health: ReadonlyMap<string, Volume['health']>,
  pods: ReadonlyMap<string, Pod>,
): AffectedClaim[] {
  const worst = claim.volumeId ? health.get(claim.volumeId) : undefined;
  if (!isAffected(worst)) return [];
  const mounting = [...pods.values()].filter(
    (p) => p.cluster === claim.cluster && p.namespace === claim.namespace && p.claims.includes(claim.name),
  );
  const owner = mounting.find((pod) => pod.workload)?.workload;
  return [
    {
      cluster: claim.cluster,
      namespace: claim.namespace,
      name: claim.name,
      health: worst,
      volumeId: claim.volumeId,
      storageClass: claim.storageClass,
      pods: mounting.map((p) => p.name).sort(),
      workload: owner ? `${owner.kind}/${owner.name}` : null,
      servers: [...new Set(mounting.flatMap((pod) => (pod.server ? [pod.server] : [])))].sort(),
    },
  ];
}

/** Worst first, then cluster, namespace and name (numbers in names in numeric order). */
function worstThenName(a: AffectedPod | AffectedClaim, b: AffectedPod | AffectedClaim): number {
  return (
    volumeHealthRank(a.health) - volumeHealthRank(b.health) ||
    kubeObjectId(a).localeCompare(kubeObjectId(b), 'en', { numeric: true })
  );
}
