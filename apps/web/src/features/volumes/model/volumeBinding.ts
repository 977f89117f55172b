import type { Volume, VolumeBinding } from '@drivebay/api-types';

/** The PVC's page: /workloads/claims/<cluster>/<namespace>/<name>. */
export function claimPath(binding: VolumeBinding): string {
  return `/workloads/claims/${[binding.cluster, binding.namespace, binding.claim].map(encodeURIComponent).join('/')}`;
}

/** "PVC cassandra/data-cassandra-0 in cluster lab, StatefulSet/cassandra (pods cassandra-0)": the whole of who uses it. */
export function claimTitle(volume: Volume): string {
  const b = volume.binding;
  if (!b) return `volume ${volume.name} is bound to no PVC a watched cluster knows`;
  const pods = b.pods.length > 0 ? ` (pods ${b.pods.join(', ')})` : '';
  return `PVC ${b.namespace}/${b.claim} in cluster ${b.cluster}${b.workload ? `, ${b.workload}` : ''}${pods}`;
}

/** "cassandra/data-cassandra-0 (StatefulSet/cassandra)", or null for an unbound volume: how a volume is named beside its id. */
export function claimLabel(volume: Volume): string | null {
  const b = volume.binding;
  if (!b) return null;
  return `${b.namespace}/${b.claim}${b.workload ? ` (${b.workload})` : ''}`;
}
