import type { ClusterSummary } from '@drivebay/api-types';
import { WarningIcon } from '../../../shared/components/StatusIcon';

const SOURCES: Record<ClusterSummary['source'], string> = {
  simulator: 'the simulated cluster',
  kubeconfig: 'kubeconfig',
  'in-cluster': 'in-cluster service account',
};

/** For the selected clusters: where each comes from, and anything that makes what is shown doubtful. */
export function ClusterNotes({ clusters }: { clusters: readonly ClusterSummary[] }) {
  return (
    <ul className="cluster-notes">
      {clusters.map((cluster) => (
        <li key={cluster.id} data-cluster={cluster.id}>
          {cluster.state === 'retrying' ? (
            <p className="attention attention--alert">
              <WarningIcon /> Cluster {cluster.id} is retrying its watch: what is shown may be stale.{' '}
              {cluster.message && <span className="cluster-message">Last error: {cluster.message}</span>}
            </p>
          ) : (
            <p className="muted">
              {cluster.id}: context {cluster.context} ({SOURCES[cluster.source]}), {cluster.server}
              {cluster.state === 'standby' && ' · watched by another Drivebay replica'}
              {cluster.state === 'connecting' &&
                ` · connecting${cluster.message ? `: ${cluster.message}` : ''}`}
              {cluster.writeBack === 'denied' &&
                ' · annotating PVs is denied: grant the service account patch on persistentvolumes to see volumes in kubectl'}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
