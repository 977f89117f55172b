import { useMemo } from 'react';
import { useVolumeList } from '../../volumes';
import { usePodRows } from '../hooks/usePodRows';
import type { TopologyModel } from '../model/topologyModel';
import { PodItem } from './PodItem';
import { PodsLoadError } from './PodsLoadError';

/** Pods whose data sits on this drive, and their PVCs, live: who a failure here hurts. */
export function DrivePods({ model, driveId }: { model: TopologyModel; driveId: string }) {
  const volumes = useVolumeList({ drive: driveId }).data;
  const holdsVolumes = volumes !== undefined && volumes.length > 0;
  const filters = useMemo(() => ({ drive: driveId }), [driveId]);
  const { rows, total, error, retry } = usePodRows(filters, holdsVolumes);
  // A drive without volumes has no pods: the volume list already says so.
  if (!holdsVolumes) return null;
  return (
    <section className="drive-volumes drive-pods" aria-labelledby="drive-pods-heading">
      <h3 id="drive-pods-heading">Pods using this drive</h3>
      {error ? (
        <PodsLoadError error={error} onRetry={retry} />
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
          {total > rows.length && (
            <p className="muted">
              The first {rows.length} of {total} pods.
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
