import type { ClaimView, PodView, Server, VolumeHealth } from '@drivebay/api-types';
import { kubeObjectId } from '@drivebay/api-types';
import { healthRank } from '../../../shared/model/volumeLabels';

/** The health of data that is not healthy. */
export type AffectedHealth = Exclude<VolumeHealth, 'healthy'>;

/** A pod whose volumes are failed, degraded or rebuilding. */
export interface AffectedPod {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  /** The worst health of its volumes. */
  readonly health: AffectedHealth;
  /** "StatefulSet/cassandra"; null for a pod nothing owns. */
  readonly workload: string | null;
  readonly phase: string;
  readonly node: string | null;
  readonly server: string | null;
  /** The server's hostname, when the topology knows the server. */
  readonly serverHostname: string | null;
  readonly claims: readonly string[];
  readonly volumeIds: readonly string[];
}

/** A PVC whose volume is failed, degraded or rebuilding. */
export interface AffectedClaim {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  readonly health: AffectedHealth;
  readonly volumeId: string | null;
  readonly storageClass: string | null;
  /** Pods (same namespace) that mount it. */
  readonly pods: readonly string[];
  /** "StatefulSet/cassandra": the workload of the pods that mount it, when the pod list names one. */
  readonly workload: string | null;
  /** Servers those pods run on. */
  readonly servers: readonly string[];
}

/** What the podwatcher lists for `affected=true`; null while (or when) it could not be loaded. */
export interface AffectedKubeInput {
  readonly pods: readonly PodView[];
  readonly claims: readonly ClaimView[];
}

const isAffected = (health: VolumeHealth | null): health is AffectedHealth =>
  health !== null && health !== 'healthy';

/** Worst first, then cluster, namespace and name (numbers in names in numeric order). */
function byHealthThenName(a: AffectedPod | AffectedClaim, b: AffectedPod | AffectedClaim): number {
  return (
    healthRank(a.health) - healthRank(b.health) ||
    kubeObjectId(a).localeCompare(kubeObjectId(b), 'en', { numeric: true })
  );
}

/** The affected pods, worst first, with the hostnames of their servers. */
export function affectedPods(pods: readonly PodView[], servers: ReadonlyMap<string, Server>): AffectedPod[] {
  return pods
    .flatMap((pod) => {
      const { health } = pod;
      if (!isAffected(health)) return [];
      return [
        {
          cluster: pod.cluster,
          namespace: pod.namespace,
          name: pod.name,
          health,
          workload: pod.workload ? `${pod.workload.kind}/${pod.workload.name}` : null,
          phase: pod.phase,
          node: pod.node,
          server: pod.server,
          serverHostname: pod.server === null ? null : (servers.get(pod.server)?.hostname ?? null),
          claims: pod.claims,
          volumeIds: pod.volumeIds,
        },
      ];
    })
    .sort(byHealthThenName);
}

/** The affected PVCs, worst first, with the workload and servers of the pods (of `pods`) mounting them. */
export function affectedClaims(claims: readonly ClaimView[], pods: readonly PodView[]): AffectedClaim[] {
  const podsById = new Map(pods.map((pod) => [kubeObjectId(pod), pod]));
  return claims
    .flatMap((claim) => {
      const { health } = claim;
      if (!isAffected(health)) return [];
      const mounting = claim.pods.flatMap((name) => {
        const pod = podsById.get(kubeObjectId({ ...claim, name }));
        return pod ? [pod] : [];
      });
      const owner = mounting.find((pod) => pod.workload)?.workload;
      return [
        {
          cluster: claim.cluster,
          namespace: claim.namespace,
          name: claim.name,
          health,
          volumeId: claim.volumeId,
          storageClass: claim.storageClass,
          pods: claim.pods,
          workload: owner ? `${owner.kind}/${owner.name}` : null,
          servers: [...new Set(mounting.flatMap((pod) => (pod.server ? [pod.server] : [])))],
        },
      ];
    })
    .sort(byHealthThenName);
}

/** Volume id -> "namespace/name" of the PVCs bound to it, for naming them beside the volume. */
export function claimsByVolume(claims: readonly AffectedClaim[]): Map<string, string[]> {
  const byVolume = new Map<string, string[]>();
  for (const claim of claims) {
    if (!claim.volumeId) continue;
    const names = byVolume.get(claim.volumeId) ?? [];
    names.push(`${claim.namespace}/${claim.name}`);
    byVolume.set(claim.volumeId, names);
  }
  return byVolume;
}
