import type { ClaimDetail } from '@drivebay/api-types';
import { Link, useParams } from 'react-router';
import { claimQuery, podHref } from '../../shared/api/kubeQueries';
import { useKubeQuery } from '../../shared/api/kubeRooms';
import { PageHeader } from '../../shared/components/PageHeader';
import { plural } from '../../shared/format/count';
import { ChainProblems } from './components/ChainProblems';
import { ChainStep } from './components/ChainStep';
import { ClaimChainView } from './components/ClaimChainView';
import { isNotFound, KubeNotFound } from './components/KubeNotFound';
import { KubeTitle } from './components/KubeTitle';
import { StatusText } from './components/StatusText';
import { ViewFallback } from './components/ViewFallback';
import { claimProblems } from './model/chainProblems';
import { workloadLabel } from './model/describeChain';
import { podStatus } from './model/kubeStatus';
import { workloadsHref } from './model/workloadFilters';
import './workloads.css';

/** /workloads/claims/:cluster/:namespace/:name: one PVC, the pods that mount it, and what is under it, live. */
export function ClaimDetailPage() {
  const { cluster = '', namespace = '', name = '' } = useParams();
  const query = useKubeQuery(claimQuery(cluster, namespace, name));
  const backTo = workloadsHref({ tab: 'claims', cluster, namespace });
  if (query.isError && isNotFound(query.error))
    return <KubeNotFound kind="PVC" name={name} backTo={backTo} />;
  if (!query.data) {
    return (
      <section className="page">
        <PageHeader title={`PVC ${name}`} />
        <ViewFallback query={query} what="PVC" />
      </section>
    );
  }
  return <ClaimPage detail={query.data} backTo={backTo} />;
}

function ClaimPage({ detail, backTo }: { detail: ClaimDetail; backTo: string }) {
  const { claim, pods } = detail;
  return (
    <section className="page kube-detail-page" data-claim={claim.name} data-health={detail.health ?? 'none'}>
      <KubeTitle kind="PVC" {...claim} health={detail.health} backTo={backTo} />
      <ChainProblems
        problems={claimProblems(detail)}
        healthy={detail.volume ? 'The claim is bound and its volume is healthy.' : 'Nothing wrong is known.'}
      />
      <ClaimChainView
        chain={detail}
        linkClaim={false}
        level={2}
        before={
          <ChainStep
            kind="Pods"
            level={2}
            name={`${plural(pods.length, 'pod')} ${pods.length === 1 ? 'mounts' : 'mount'} it`}
          >
            {pods.length === 0 ? (
              <p className="chain-note">No pod mounts this claim now.</p>
            ) : (
              <ul className="chain-pods" aria-label="Pods that mount it">
                {pods.map((pod) => (
                  <li key={pod.name} data-pod={pod.name}>
                    <Link to={podHref(pod.cluster, pod.namespace, pod.name)}>{pod.name}</Link>{' '}
                    <StatusText status={podStatus(pod)} />{' '}
                    <span className="muted">
                      {workloadLabel(pod.workload)} · node {pod.node ?? 'none'} → server{' '}
                      {pod.server ?? 'none'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </ChainStep>
        }
      />
    </section>
  );
}
