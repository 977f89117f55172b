import type { ClusterSummary } from '@drivebay/api-types';
import { Link } from 'react-router';
import { clusterStatus } from '../model/kubeStatus';
import { StatusText } from './StatusText';

interface ClusterSwitcherProps {
  clusters: readonly ClusterSummary[];
  selected: string | undefined;
  /** The page's link with another cluster (undefined: all clusters). */
  hrefFor: (cluster: string | undefined) => string;
}

/** "All clusters" and each cluster with what the podwatcher is doing with it, as links (in the URL). */
export function ClusterSwitcher({ clusters, selected, hrefFor }: ClusterSwitcherProps) {
  return (
    <nav className="cluster-switcher" aria-label="Clusters">
      <ul>
        <li>
          <Link to={hrefFor(undefined)} aria-current={selected ? undefined : 'true'}>
            All clusters
          </Link>
        </li>
        {clusters.map((cluster) => (
          <li key={cluster.id} data-cluster={cluster.id} data-state={cluster.state}>
            <Link to={hrefFor(cluster.id)} aria-current={selected === cluster.id ? 'true' : undefined}>
              <span className="cluster-name">{cluster.id}</span>{' '}
              <StatusText status={clusterStatus(cluster.state)} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
