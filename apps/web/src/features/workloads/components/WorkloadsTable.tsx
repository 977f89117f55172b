import type { WorkloadSummary } from '@drivebay/api-types';
import { Link } from 'react-router';
import { readyPodsStatus } from '../model/kubeStatus';
import { workloadsHref } from '../model/workloadFilters';
import { KubeHealth, StatusText } from './StatusText';
import { TableScroll } from './TableScroll';

/** Up to this many servers are named in a row; the rest are counted. */
const SERVERS_NAMED = 3;

function serversText(servers: readonly string[]): string {
  if (servers.length === 0) return '—';
  const named = servers.slice(0, SERVERS_NAMED).join(', ');
  return servers.length > SERVERS_NAMED ? `${named} +${servers.length - SERVERS_NAMED}` : named;
}

/** Workloads, each linking to the list of its pods. */
export function WorkloadsTable({
  workloads,
  showCluster,
}: {
  workloads: readonly WorkloadSummary[];
  showCluster: boolean;
}) {
  return (
    <TableScroll label="Workloads table">
      <table className="data-table kube-table" aria-label="Workloads">
        <thead>
          <tr>
            {showCluster && <th scope="col">Cluster</th>}
            <th scope="col">Namespace</th>
            <th scope="col">Workload</th>
            <th scope="col">Ready pods</th>
            <th scope="col" className="cell-number">
              Restarts
            </th>
            <th scope="col" className="cell-number">
              PVCs
            </th>
            <th scope="col">Servers</th>
            <th scope="col">Volume health</th>
          </tr>
        </thead>
        <tbody>
          {workloads.map((w) => {
            const ref = `${w.kind}/${w.name}`;
            return (
              <tr
                key={`${w.cluster}/${w.namespace}/${ref}`}
                data-workload={ref}
                data-namespace={w.namespace}
                data-health={w.health ?? 'none'}
              >
                {showCluster && <td>{w.cluster}</td>}
                <td>{w.namespace}</td>
                <td>
                  <Link
                    to={workloadsHref({
                      tab: 'pods',
                      cluster: w.cluster,
                      namespace: w.namespace,
                      workload: ref,
                    })}
                    title={`The pods of ${ref}`}
                  >
                    <span className="muted">{w.kind}/</span>
                    {w.name}
                  </Link>
                </td>
                <td>
                  <StatusText status={readyPodsStatus(w.readyPods, w.pods)} />
                </td>
                <td className="cell-number">{w.restarts}</td>
                <td className="cell-number">{w.claims}</td>
                <td className="kube-servers" title={w.servers.join(', ')}>
                  {serversText(w.servers)}
                </td>
                <td>
                  <KubeHealth health={w.health} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
