import type { Claim, Pod, Volume, VolumeBinding } from '@drivebay/api-types';
import { sameRecord } from '../inventory/decision.js';

/**
 * Who uses a volume: the PVC bound to it (the first by name, should several claim it) and the
 * workload of the pods mounting that PVC. Null when no claim names the volume.
 */
export function bindingOf(claims: readonly Claim[], pods: readonly Pod[]): VolumeBinding | null {
  const claim = [...claims].sort((a, b) =>
    `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`),
  )[0];
  if (!claim) return null;
  const mounting = pods
    .filter(
      (p) => p.cluster === claim.cluster && p.namespace === claim.namespace && p.claims.includes(claim.name),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const owner = mounting.find((p) => p.workload)?.workload;
  return {
    cluster: claim.cluster,
    namespace: claim.namespace,
    claim: claim.name,
    workload: owner ? `${owner.kind}/${owner.name}` : null,
    pods: mounting.map((p) => p.name),
  };
}

/** The volumes whose binding is no longer what they record, with the binding they should record. */
export function rebindVolumes(
  volumeIds: Iterable<string>,
  lookup: {
    volume(id: string): Volume | undefined;
    claimsOf(id: string): readonly Claim[];
    podsOf(id: string): readonly Pod[];
  },
): Volume[] {
  const out: Volume[] = [];
  for (const id of new Set(volumeIds)) {
    const volume = lookup.volume(id);
    if (!volume) continue;
    const binding = bindingOf(lookup.claimsOf(id), lookup.podsOf(id));
    if (sameRecord(volume.binding ?? null, binding)) continue;
    out.push({ ...volume, binding });
  }
  return out;
}
