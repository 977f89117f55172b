import type { ClaimView, PodView } from '@drivebay/api-types';
import { kubeObjectId } from '@drivebay/api-types';
import type { MapHighlight } from './mapHighlight';

/** A pod or PVC Find offers for a typed name. */
export interface KubeMatch {
  /** "pod:cluster/namespace/name": unique among the offers. */
  readonly key: string;
  readonly target: Extract<MapHighlight, { kind: 'pod' | 'claim' }>;
  /** "cassandra/cassandra-0". */
  readonly label: string;
  /** "Pod · StatefulSet cassandra · degraded". */
  readonly detail: string;
}

/** Pods first (what people type), then PVCs; each names what it is and how its data is. */
export function kubeMatches(pods: readonly PodView[], claims: readonly ClaimView[]): KubeMatch[] {
  const clusters = new Set([...pods, ...claims].map((item) => item.cluster));
  const label = (item: PodView | ClaimView) =>
    clusters.size > 1 ? kubeObjectId(item) : `${item.namespace}/${item.name}`;
  const health = (value: PodView['health']) => (value === null ? 'no Drivebay volume' : value);
  return [
    ...pods.map((pod) => ({
      key: `pod:${kubeObjectId(pod)}`,
      target: { kind: 'pod' as const, cluster: pod.cluster, namespace: pod.namespace, name: pod.name },
      label: label(pod),
      detail: ['Pod', pod.workload && `${pod.workload.kind} ${pod.workload.name}`, health(pod.health)]
        .filter(Boolean)
        .join(' · '),
    })),
    ...claims.map((claim) => ({
      key: `claim:${kubeObjectId(claim)}`,
      target: {
        kind: 'claim' as const,
        cluster: claim.cluster,
        namespace: claim.namespace,
        name: claim.name,
      },
      label: label(claim),
      detail: ['PVC', claim.pods.length > 0 && `used by ${claim.pods.join(', ')}`, health(claim.health)]
        .filter(Boolean)
        .join(' · '),
    })),
  ];
}

/**
 * The match Enter should pick: one named exactly (name, namespace/name or cluster/namespace/name,
 * pods before PVCs), else the only one; null when the operator has to choose.
 */
export function pickKubeMatch(query: string, matches: readonly KubeMatch[]): KubeMatch | null {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return null;
  const names = (m: KubeMatch) => [
    m.target.name,
    `${m.target.namespace}/${m.target.name}`,
    kubeObjectId(m.target),
  ];
  const exact = matches.find((m) => names(m).some((name) => name.toLowerCase() === wanted));
  if (exact) return exact;
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
