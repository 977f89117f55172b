import { useMemo } from 'react';
import { claimsQuery, nodesQuery, podsQuery, workloadsQuery } from '../../../shared/api/kubeQueries';
import { useKubeQuery } from '../../../shared/api/kubeRooms';
import { EmptyState } from '../../../shared/components/EmptyState';
import { apiFilters, type WorkloadFilters } from '../model/workloadFilters';
import { sortWorkloads } from '../model/workloadList';
import { ClaimsTable } from './ClaimsTable';
import { ListNote } from './ListNote';
import { NodesTable } from './NodesTable';
import { PodsTable } from './PodsTable';
import { StaleBanner, ViewFallback } from './ViewFallback';
import { WorkloadsTable } from './WorkloadsTable';

/** At most this many rows are asked for and drawn; the note under the table says how to find the rest. */
export const LIST_LIMIT = 500;

interface ViewProps {
  filters: WorkloadFilters;
  /** Whether rows come from several clusters. */
  showCluster: boolean;
}

function NoneMatch({ what, filtered }: { what: string; filtered: boolean }) {
  return (
    <EmptyState title={filtered ? `No ${what} match these filters` : `No ${what} in this cluster yet`}>
      <p>
        {filtered
          ? 'Clear or widen the filters above. The list updates live as the cluster changes.'
          : `The podwatcher lists ${what} as soon as Kubernetes reports them; this page updates live, there is no need to reload.`}
      </p>
    </EmptyState>
  );
}

/** The workloads (StatefulSets, Deployments …) of the selection, worst storage first. */
export function WorkloadsView({ filters, showCluster }: ViewProps) {
  const query = useKubeQuery(workloadsQuery(apiFilters(filters, ['cluster', 'namespace'])));
  const sorted = useMemo(
    () => (query.data ? sortWorkloads(query.data.workloads, filters.q) : undefined),
    [query.data, filters.q],
  );
  if (!sorted) return <ViewFallback query={query} what="workloads" />;
  const shown = sorted.slice(0, LIST_LIMIT);
  return (
    <>
      <StaleBanner query={query} what="workloads" />
      {shown.length === 0 ? (
        <NoneMatch what="workloads" filtered={Boolean(filters.namespace || filters.q)} />
      ) : (
        <>
          <WorkloadsTable workloads={shown} showCluster={showCluster} />
          <ListNote shown={shown.length} total={sorted.length} noun="workload" />
        </>
      )}
    </>
  );
}

export function PodsView({ filters, showCluster }: ViewProps) {
  const query = useKubeQuery(
    podsQuery(apiFilters(filters, ['cluster', 'namespace', 'workload', 'q'], { limit: String(LIST_LIMIT) })),
  );
  if (!query.data) return <ViewFallback query={query} what="pods" />;
  const { pods, total } = query.data;
  return (
    <>
      <StaleBanner query={query} what="pods" />
      {pods.length === 0 ? (
        <NoneMatch what="pods" filtered={Boolean(filters.namespace || filters.q || filters.workload)} />
      ) : (
        <>
          <PodsTable pods={pods} showCluster={showCluster} />
          <ListNote shown={pods.length} total={total} noun="pod" />
        </>
      )}
    </>
  );
}

export function ClaimsView({ filters, showCluster }: ViewProps) {
  const query = useKubeQuery(
    claimsQuery(apiFilters(filters, ['cluster', 'namespace', 'q'], { limit: String(LIST_LIMIT) })),
  );
  if (!query.data) return <ViewFallback query={query} what="PVCs" />;
  const { claims, total } = query.data;
  return (
    <>
      <StaleBanner query={query} what="PVCs" />
      {claims.length === 0 ? (
        <NoneMatch what="PVCs" filtered={Boolean(filters.namespace || filters.q)} />
      ) : (
        <>
          <ClaimsTable claims={claims} showCluster={showCluster} />
          <ListNote shown={claims.length} total={total} noun="PVC" />
        </>
      )}
    </>
  );
}

/** Nodes are not namespaced: only the cluster and the text filter apply. */
export function NodesView({ filters, showCluster }: ViewProps) {
  const query = useKubeQuery(nodesQuery(apiFilters(filters, ['cluster'])));
  const nodes = useMemo(() => {
    const q = filters.q?.toLowerCase();
    return query.data?.nodes.filter((node) => !q || node.name.toLowerCase().includes(q));
  }, [query.data, filters.q]);
  if (!nodes) return <ViewFallback query={query} what="nodes" />;
  const shown = nodes.slice(0, LIST_LIMIT);
  return (
    <>
      <StaleBanner query={query} what="nodes" />
      {shown.length === 0 ? (
        <NoneMatch what="nodes" filtered={Boolean(filters.q)} />
      ) : (
        <>
          <NodesTable nodes={shown} showCluster={showCluster} />
          <ListNote shown={shown.length} total={nodes.length} noun="node" />
        </>
      )}
    </>
  );
}
