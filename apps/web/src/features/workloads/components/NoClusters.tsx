import { Link } from 'react-router';
import { EmptyState } from '../../../shared/components/EmptyState';
import type { ClusterNotice } from '../model/workloadList';

/** Why there is nothing to show yet, and what to do about it. */
export function NoClusters({ notice }: { notice: ClusterNotice }) {
  switch (notice.kind) {
    case 'none':
      return (
        <EmptyState title="No Kubernetes cluster is connected">
          <p>
            <code>npm start</code> watches the simulated cluster, which appears here a few seconds after the
            server starts. To watch a real cluster, start Drivebay with <code>--kubeconfig &lt;file&gt;</code>{' '}
            (and <code>--context &lt;name&gt;</code> to pick one of its contexts), or run it inside the
            cluster with a service account that may list and watch pods, nodes, PVCs and PVs.
          </p>
          <p>This page updates live once a cluster connects; there is no need to reload.</p>
        </EmptyState>
      );
    case 'unknown':
      return (
        <EmptyState title={`There is no cluster “${notice.id}”`}>
          <p>
            The link may be mistyped, or the cluster is no longer configured.{' '}
            <Link to="/workloads">Show all clusters</Link>
          </p>
        </EmptyState>
      );
    case 'connecting':
      return (
        <EmptyState title="Connecting to Kubernetes…">
          {notice.clusters.map((cluster) => (
            <p key={cluster.id}>
              {cluster.id} ({cluster.server}): {cluster.message || 'listing nodes, pods and claims'}.
            </p>
          ))}
          <p>Workloads appear here as soon as the first list completes.</p>
        </EmptyState>
      );
  }
}
