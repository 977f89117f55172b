import { clustersQuery, workloadsQuery } from '../../shared/api/kubeQueries';
import { useKubeQuery } from '../../shared/api/kubeRooms';
import { PageHeader } from '../../shared/components/PageHeader';
import { plural } from '../../shared/format/count';
import { ClusterNotes } from './components/ClusterNotes';
import { ClusterSwitcher } from './components/ClusterSwitcher';
import { ClaimsView, NodesView, PodsView, WorkloadsView } from './components/KubeViews';
import { NoClusters } from './components/NoClusters';
import { StaleBanner, ViewFallback } from './components/ViewFallback';
import { WorkloadFilterBar } from './components/WorkloadFilterBar';
import { WorkloadTabs } from './components/WorkloadTabs';
import { useWorkloadFilters } from './hooks/useWorkloadFilters';
import { apiFilters, type WorkloadFilters } from './model/workloadFilters';
import { clusterCounts, clusterNotice, namespaceChoices } from './model/workloadList';
import './workloads.css';

/** /workloads: what runs in the Kubernetes clusters, traced to servers and volumes, live. */
export function WorkloadsPage() {
  const { filters, update, hrefWith } = useWorkloadFilters();
  const clusters = useKubeQuery(clustersQuery());
  const list = clusters.data?.clusters;
  const notice = list ? clusterNotice(list, filters.cluster) : null;
  const counts = list ? clusterCounts(list, filters.cluster) : undefined;
  const shown = list?.filter((c) => !filters.cluster || c.id === filters.cluster) ?? [];
  const noted = filters.cluster
    ? shown
    : shown.filter((c) => c.state === 'retrying' || c.writeBack === 'denied');

  return (
    <section className="page workloads-page">
      <PageHeader title="Workloads">
        <p className="page-subtitle">
          {counts && list && list.length > 0
            ? `${plural(counts.pods, 'pod')} (${counts.podsWithVolumes} on Drivebay volumes), ${plural(counts.claims, 'PVC')} (${counts.claimsResolved} resolved to volumes), ${plural(counts.nodes, 'node')} (${counts.nodesMatched} matched to servers). Live.`
            : 'Pods traced to their nodes and servers, and their PVCs down to volumes and drives. Live.'}
        </p>
      </PageHeader>
      {!list ? (
        <ViewFallback query={clusters} what="Kubernetes clusters" />
      ) : (
        <>
          <StaleBanner query={clusters} what="clusters" />
          {list.length > 0 && (
            <ClusterSwitcher
              clusters={list}
              selected={filters.cluster}
              hrefFor={(cluster) => hrefWith({ cluster, workload: undefined })}
            />
          )}
          <ClusterNotes clusters={noted} />
          {notice ? (
            <NoClusters notice={notice} />
          ) : (
            <KubeBody
              filters={filters}
              update={update}
              hrefWith={hrefWith}
              counts={counts}
              multi={!filters.cluster && list.length > 1}
            />
          )}
        </>
      )}
    </section>
  );
}

interface KubeBodyProps {
  filters: WorkloadFilters;
  update: ReturnType<typeof useWorkloadFilters>['update'];
  hrefWith: ReturnType<typeof useWorkloadFilters>['hrefWith'];
  counts: ReturnType<typeof clusterCounts> | undefined;
  multi: boolean;
}

/** Filters, tabs and the selected view. */
function KubeBody({ filters, update, hrefWith, counts, multi }: KubeBodyProps) {
  // Shares its cache entry with the workloads view when both show the same selection.
  const workloads = useKubeQuery(workloadsQuery(apiFilters(filters, ['cluster'])));
  const namespaces = namespaceChoices(workloads.data?.namespaces ?? [], filters.namespace);
  const View = VIEWS[filters.tab];
  return (
    <>
      <WorkloadTabs
        tab={filters.tab}
        counts={{ pods: counts?.pods, claims: counts?.claims, nodes: counts?.nodes }}
        hrefFor={(tab) => hrefWith({ tab })}
      />
      <WorkloadFilterBar filters={filters} namespaces={namespaces} onChange={update} />
      <View filters={filters} showCluster={multi} />
    </>
  );
}

const VIEWS = { workloads: WorkloadsView, pods: PodsView, claims: ClaimsView, nodes: NodesView } as const;
