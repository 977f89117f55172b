import type { PodDetail } from '@drivebay/api-types';
import { useParams } from 'react-router';
import { podQuery } from '../../shared/api/kubeQueries';
import { useKubeQuery } from '../../shared/api/kubeRooms';
import { PageHeader } from '../../shared/components/PageHeader';
import { plural } from '../../shared/format/count';
import { ChainProblems } from './components/ChainProblems';
import { ChainStep } from './components/ChainStep';
import { ClaimChainView } from './components/ClaimChainView';
import { isNotFound, KubeNotFound } from './components/KubeNotFound';
import { KubeTitle } from './components/KubeTitle';
import { ViewFallback } from './components/ViewFallback';
import { podProblems } from './model/chainProblems';
import { describeNode, describePod, describeServer, serverTitle } from './model/describeChain';
import { nodeStatus, podStatus, serverStatus } from './model/kubeStatus';
import { workloadsHref } from './model/workloadFilters';
import './workloads.css';

/** /workloads/pods/:cluster/:namespace/:name: one pod traced to its server and down to the bays, live. */
export function PodDetailPage() {
  const { cluster = '', namespace = '', name = '' } = useParams();
  const query = useKubeQuery(podQuery(cluster, namespace, name));
  const backTo = workloadsHref({ tab: 'pods', cluster, namespace });
  if (query.isError && isNotFound(query.error))
    return <KubeNotFound kind="Pod" name={name} backTo={backTo} />;
  if (!query.data) {
    return (
      <section className="page">
        <PageHeader title={`Pod ${name}`} />
        <ViewFallback query={query} what="pod" />
      </section>
    );
  }
  return <PodChain detail={query.data} backTo={backTo} />;
}

function PodChain({ detail, backTo }: { detail: PodDetail; backTo: string }) {
  const { pod, node } = detail;
  const serverName = serverTitle(detail);
  return (
    <section className="page kube-detail-page" data-pod={pod.name} data-health={pod.health ?? 'none'}>
      <KubeTitle kind="Pod" {...pod} backTo={backTo} />
      <ChainProblems
        problems={podProblems(detail)}
        healthy="Every step is healthy: the pod runs and is ready, its node is ready, its server is up and its volumes are healthy."
      />
      <ol className="chain" aria-label="From pod to server">
        <ChainStep kind="Pod" name={pod.name} status={podStatus(pod)} rows={describePod(pod)} />
        <ChainStep
          kind="Node"
          name={node?.name ?? pod.node ?? <span className="muted">none</span>}
          status={nodeStatus(node ? node.ready : null)}
          rows={describeNode(detail)}
        />
        <ChainStep
          kind="Server"
          name={serverName ?? <span className="muted">none</span>}
          status={serverStatus(detail.serverState)}
          rows={describeServer(detail)}
        />
      </ol>
      <section className="kube-storage" aria-labelledby="pod-storage">
        <h2 id="pod-storage">Storage: {plural(detail.claims.length, 'PVC')}</h2>
        {detail.claims.length === 0 ? (
          <p className="muted">This pod mounts no PersistentVolumeClaims: none of its data is on Drivebay.</p>
        ) : (
          detail.claims.map((chain) => <ClaimChainView key={chain.claim.name} chain={chain} linkClaim />)
        )}
      </section>
    </section>
  );
}
