import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { errorMessage } from '../../../api/apiError';
import { claimsQuery, podsQuery } from '../../../api/kubeQueries';
import { useVolumeList } from '../../volumes/hooks/useVolumeList';
import { podRows } from '../details/kubeRows';
import type { TopologyModel } from '../model/topologyModel';
import { PodItem } from './PodItem';

/** Pods whose data sits on this drive, and their PVCs, live: who a failure here hurts. */
export function DrivePods({ model, driveId }: { model: TopologyModel; driveId: string }) {
  const volumes = useVolumeList({ drive: driveId }).data;
  const holdsVolumes = volumes !== undefined && volumes.length > 0;
  const filters = useMemo(() => ({ drive: driveId }), [driveId]);
  const pods = useQuery({ ...podsQuery(filters), enabled: holdsVolumes });
  const claims = useQuery({ ...claimsQuery(filters), enabled: holdsVolumes });
  const rows = useMemo(
    () => (pods.data && claims.data ? podRows(pods.data.pods, claims.data.claims) : undefined),
    [pods.data, claims.data],
  );
  // A drive without volumes has no pods: the volume list already says so.
  if (!holdsVolumes) return null;
  const error = pods.error ?? claims.error;
  return (
    <section className="drive-volumes drive-pods" aria-labelledby="drive-pods-heading">
      <h3 id="drive-pods-heading">Pods using this drive</h3>
      {error ? (
        <p role="alert" className="drive-volumes-error">
          Could not load pods: {errorMessage(error)}{' '}
          <button
            type="button"
            onClick={() => {
              void pods.refetch();
              void claims.refetch();
            }}
          >
            Retry
          </button>
        </p>
      ) : !rows ? (
        <p className="muted" aria-busy="true">
          Loading pods…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted" data-pod-count={0}>
          No Kubernetes pods use this drive
        </p>
      ) : (
        <>
          {(pods.data?.total ?? 0) > rows.length && (
            <p className="muted">
              The first {rows.length} of {pods.data?.total} pods.
            </p>
          )}
          <ul className="pod-list" aria-label={`Pods using drive ${driveId}`} data-pod-count={rows.length}>
            {rows.map((row) => (
              <PodItem key={row.key} row={row} servers={model.servers} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
