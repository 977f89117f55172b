import type { ClusterSummary, NamespaceSummary, VolumeHealth, WorkloadSummary } from '@drivebay/api-types';
import { volumeHealthRank } from '@drivebay/composer/health';
import { matchesText } from './workloadFilters';

/** Worst first, like the volumes list: a workload without volumes sorts after healthy ones. */
function rank(health: VolumeHealth | null): number {
  return volumeHealthRank(health);
}

/** Workloads matching `q`, those on failed or degraded storage first, then by namespace, kind and name. */
export function sortWorkloads(workloads: readonly WorkloadSummary[], q?: string): WorkloadSummary[] {
  return workloads
    .filter((w) => matchesText(w.namespace, w.name, q))
    .sort(
      (a, b) =>
        rank(a.health) - rank(b.health) ||
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name),
    );
}

/** Namespace names to pick from, once each (several clusters may have the same namespace). */
export function namespaceChoices(namespaces: readonly NamespaceSummary[], current?: string): string[] {
  const names = new Set(namespaces.map((n) => n.name));
  if (current) names.add(current);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** What to say instead of the views, if the clusters do not allow showing them yet. */
export type ClusterNotice =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly id: string }
  | { readonly kind: 'connecting'; readonly clusters: readonly ClusterSummary[] };

/** No cluster at all, a selected cluster that is not there, or nothing listed yet. */
export function clusterNotice(clusters: readonly ClusterSummary[], selected?: string): ClusterNotice | null {
  if (clusters.length === 0) return { kind: 'none' };
  const shown = selected ? clusters.filter((c) => c.id === selected) : clusters;
  if (selected && shown.length === 0) return { kind: 'unknown', id: selected };
  if (shown.every((c) => c.state === 'connecting')) return { kind: 'connecting', clusters: shown };
  return null;
}

/** Counts shown under the heading: pods and claims of the selection, and how many use Drivebay. */
export function clusterCounts(clusters: readonly ClusterSummary[], selected?: string) {
  const shown = selected ? clusters.filter((c) => c.id === selected) : clusters;
  const sum = (pick: (c: ClusterSummary['counts']) => number) =>
    shown.reduce((n, c) => n + pick(c.counts), 0);
  return {
    nodes: sum((c) => c.nodes),
    nodesMatched: sum((c) => c.nodesMatched),
    pods: sum((c) => c.pods),
    podsWithVolumes: sum((c) => c.podsWithVolumes),
    claims: sum((c) => c.claims),
    claimsResolved: sum((c) => c.claimsResolved),
  };
}
