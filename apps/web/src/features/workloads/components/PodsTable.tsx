import type { PodView } from '@drivebay/api-types';
import { Link } from 'react-router';
import { claimHref, podHref } from '../../../shared/api/kubeQueries';
import { LinkList } from '../../../shared/components/LinkList';
import { workloadLabel } from '../model/describeChain';
import { podReadyStatus } from '../model/kubeStatus';
import { KubeHealth, StatusText } from './StatusText';
import { TableScroll } from './TableScroll';

/** Pods, each linking to its chain down to the bays. */
export function PodsTable({ pods, showCluster }: { pods: readonly PodView[]; showCluster: boolean }) {
  return (
    <TableScroll label="Pods table">
      <table className="data-table kube-table" aria-label="Pods">
        <thead>
          <tr>
            <th scope="col">Pod</th>
            {showCluster && <th scope="col">Cluster</th>}
            <th scope="col">Namespace</th>
            <th scope="col">Workload</th>
            <th scope="col">Phase</th>
            <th scope="col">Ready</th>
            <th scope="col">Volume health</th>
            <th scope="col" className="cell-number">
              Restarts
            </th>
            <th scope="col">Node → server</th>
            <th scope="col">PVCs</th>
          </tr>
        </thead>
        <tbody>
          {pods.map((pod) => (
            <tr
              key={`${pod.cluster}/${pod.namespace}/${pod.name}`}
              data-pod={pod.name}
              data-phase={pod.phase}
              data-health={pod.health ?? 'none'}
            >
              <td>
                <Link to={podHref(pod.cluster, pod.namespace, pod.name)}>{pod.name}</Link>
              </td>
              {showCluster && <td>{pod.cluster}</td>}
              <td>{pod.namespace}</td>
              <td>{pod.workload ? workloadLabel(pod.workload) : <span className="muted">none</span>}</td>
              <td>{pod.phase}</td>
              <td>
                <StatusText status={podReadyStatus(pod)} />
              </td>
              <td>
                <KubeHealth health={pod.health} />
              </td>
              <td className="cell-number">{pod.restarts}</td>
              <td>
                {pod.node ?? <span className="muted">not scheduled</span>}
                {pod.node && (
                  <>
                    {' → '}
                    {pod.server ?? <span className="muted">no server</span>}
                  </>
                )}
              </td>
              <td>
                {pod.claims.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <LinkList
                    links={pod.claims.map((claim) => ({
                      to: claimHref(pod.cluster, pod.namespace, claim),
                      label: claim,
                    }))}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
