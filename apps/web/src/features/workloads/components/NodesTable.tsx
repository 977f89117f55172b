import type { NodeView } from '@drivebay/api-types';
import { nodeStatus, serverStatus } from '../model/kubeStatus';
import { StatusText } from './StatusText';
import { TableScroll } from './TableScroll';

const MATCHED: Record<NonNullable<NodeView['matchedBy']>, string> = {
  label: 'drivebay.io/server label',
  name: 'node name',
};

/** Nodes and the composer servers they run on. */
export function NodesTable({ nodes, showCluster }: { nodes: readonly NodeView[]; showCluster: boolean }) {
  return (
    <TableScroll label="Nodes table">
      <table className="data-table kube-table" aria-label="Nodes">
        <thead>
          <tr>
            <th scope="col">Node</th>
            {showCluster && <th scope="col">Cluster</th>}
            <th scope="col">Ready</th>
            <th scope="col">Server</th>
            <th scope="col">Server state</th>
            <th scope="col">Matched by</th>
            <th scope="col" className="cell-number">
              Pods
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={`${node.cluster}/${node.name}`} data-node={node.name} data-ready={node.ready}>
              <td>{node.name}</td>
              {showCluster && <td>{node.cluster}</td>}
              <td>
                <StatusText status={nodeStatus(node.ready)} />
              </td>
              <td>
                {node.server ? (
                  <>
                    {node.serverHostname ?? node.server}
                    {node.serverHostname && <span className="muted"> ({node.server})</span>}
                  </>
                ) : (
                  <span className="muted">none matched</span>
                )}
              </td>
              <td>{node.server ? <StatusText status={serverStatus(node.serverState)} /> : '—'}</td>
              <td>{node.matchedBy ? MATCHED[node.matchedBy] : <span className="muted">—</span>}</td>
              <td className="cell-number">{node.pods}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
