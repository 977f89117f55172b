import { Link } from 'react-router';
import { clustersQuery, podsQuery } from '../../../shared/api/kubeQueries';
import { useKubeQuery } from '../../../shared/api/kubeRooms';
import { formatCount } from '../../../shared/format/count';
import { SummaryCard } from '../SummaryCard';

/**
 * The watched Kubernetes clusters at a glance: how many are watched and how many retry, the pods
 * on Drivebay volumes, and how many of those have data on a degraded, rebuilding or failed volume.
 */
export function KubernetesCard() {
  const clusters = useKubeQuery(clustersQuery());
  const affected = useKubeQuery(podsQuery({ affected: 'true', limit: '1' }));
  const list = clusters.data?.clusters;
  if (!list) {
    return (
      <SummaryCard title="Kubernetes clusters" figure="…">
        <p className="card-note">{clusters.isError ? 'Could not load the clusters.' : 'Counting…'}</p>
      </SummaryCard>
    );
  }
  const retrying = list.filter((c) => c.state === 'retrying' || c.state === 'connecting').length;
  const pods = list.reduce((sum, c) => sum + c.counts.pods, 0);
  const onVolumes = list.reduce((sum, c) => sum + c.counts.podsWithVolumes, 0);
  const hurt = affected.data?.total ?? 0;
  return (
    <SummaryCard title="Kubernetes clusters" figure={formatCount(list.length)}>
      {list.length === 0 ? (
        <p className="card-note">No cluster is watched. Start with --kubeconfig to watch yours.</p>
      ) : (
        <ul className="card-list">
          <li>
            Watching <strong>{formatCount(list.length - retrying)}</strong>
          </li>
          {retrying > 0 && (
            <li>
              <Link to="/workloads">Not watching (retrying)</Link> <strong>{formatCount(retrying)}</strong>
            </li>
          )}
          <li>
            Pods <strong>{formatCount(pods)}</strong>
          </li>
          <li>
            On Drivebay volumes <strong>{formatCount(onVolumes)}</strong>
          </li>
          <li>
            {hurt > 0 ? (
              <Link to="/incident">
                On unhealthy volumes <strong data-affected-pods={hurt}>{formatCount(hurt)}</strong>
              </Link>
            ) : (
              <>
                On unhealthy volumes <strong data-affected-pods={0}>0</strong>
              </>
            )}
          </li>
          <li>
            <Link to="/workloads">Open Workloads</Link>
          </li>
        </ul>
      )}
    </SummaryCard>
  );
}
