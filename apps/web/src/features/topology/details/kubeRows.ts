import type { ClaimView, PodView, Server, VolumeHealth } from '@drivebay/api-types';
import { kubeObjectId } from '@drivebay/api-types';
import { volumeHealthRank, worstVolumeHealth } from '@drivebay/composer/health';

/** A pod with the claims of a list it mounts: those on one drive or enclosure, not all it has. */
export interface PodRow {
  /** "cluster/namespace/name". */
  readonly key: string;
  readonly pod: PodView;
  readonly claims: readonly ClaimView[];
}

/** Pods that share a workload (StatefulSet cassandra …), worst health first. */
export interface WorkloadGroup {
  /** "cluster/namespace/Kind/name". */
  readonly key: string;
  readonly cluster: string;
  readonly namespace: string;
  /** StatefulSet, Deployment …; "Pod" for a pod nothing owns. */
  readonly kind: string;
  readonly name: string;
  readonly health: VolumeHealth | null;
  readonly rows: readonly PodRow[];
}

/** Health rank with "no volumes" after healthy: 0 is worst. */
export function kubeHealthRank(health: VolumeHealth | null): number {
  return volumeHealthRank(health);
}

/** Each pod with those of `claims` it mounts, in the pods' order. */
export function podRows(pods: readonly PodView[], claims: readonly ClaimView[]): PodRow[] {
  const byId = new Map(claims.map((claim) => [kubeObjectId(claim), claim]));
  return pods.map((pod) => ({
    key: kubeObjectId(pod),
    pod,
    claims: pod.claims.flatMap((name) => {
      const claim = byId.get(kubeObjectId({ cluster: pod.cluster, namespace: pod.namespace, name }));
      return claim ? [claim] : [];
    }),
  }));
}

/** Rows grouped by cluster, namespace and workload; worst health first, then by name. */
export function groupByWorkload(rows: readonly PodRow[]): WorkloadGroup[] {
  const groups = new Map<string, { group: Omit<WorkloadGroup, 'rows' | 'health'>; rows: PodRow[] }>();
  for (const row of rows) {
    const { cluster, namespace, workload, name } = row.pod;
    const kind = workload?.kind ?? 'Pod';
    const owner = workload?.name ?? name;
    const key = `${cluster}/${namespace}/${kind}/${owner}`;
    const entry = groups.get(key) ?? { group: { key, cluster, namespace, kind, name: owner }, rows: [] };
    entry.rows.push(row);
    groups.set(key, entry);
  }
  return [...groups.values()]
    .map(({ group, rows: members }) => ({ ...group, rows: members, health: worstOf(members) }))
    .sort((a, b) => kubeHealthRank(a.health) - kubeHealthRank(b.health) || a.key.localeCompare(b.key));
}

function worstOf(rows: readonly PodRow[]): VolumeHealth | null {
  return worstVolumeHealth(rows.map(({ pod }) => pod.health));
}

/** "StatefulSet cassandra", or "no owner" for a bare pod. */
export function workloadLabel(pod: PodView): string {
  return pod.workload ? `${pod.workload.kind} ${pod.workload.name}` : 'no owner';
}

/**
 * "srv-b02-01", with the hostname when it says something the id (and the node name, when the
 * line already shows it) does not; "no server" when unmatched.
 */
export function serverLabel(
  servers: ReadonlyMap<string, Server>,
  id: string | null,
  node?: string | null,
): string {
  if (id === null) return 'no server';
  const hostname = servers.get(id)?.hostname;
  return hostname && hostname !== id && hostname !== node ? `${id} (${hostname})` : id;
}

/** "node k8s-b02-01 → server srv-b02-01": where the pod runs. */
export function podPlacement(pod: PodView, servers: ReadonlyMap<string, Server>): string {
  if (pod.node === null) return 'not scheduled';
  return `node ${pod.node} → server ${serverLabel(servers, pod.server, pod.node)}`;
}

/** "Running", "Running, not ready", "Running, 3 restarts". */
export function podState(pod: PodView): string {
  const parts = [pod.phase];
  if (!pod.ready && pod.phase === 'Running') parts.push('not ready');
  if (pod.restarts > 0) parts.push(`${pod.restarts} restart${pod.restarts === 1 ? '' : 's'}`);
  return parts.join(', ');
}
