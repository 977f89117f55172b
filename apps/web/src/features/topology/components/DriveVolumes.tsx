import { useMemo } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../shared/api/apiError';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import { formatCount } from '../../../shared/format/count';
import { layoutLabel } from '../../../shared/model/volumeLabels';
import { claimLabel, countByHealth, healthSummaryLine, sortVolumes, useVolumeList } from '../../volumes';

/** An SSD can hold hundreds of slices; the panel shows the worst few and links to the rest. */
const SHOWN = 20;

/** The volumes with a member on this drive, live: what a failure or replacement here affects. */
export function DriveVolumes({ driveId }: { driveId: string }) {
  const query = useVolumeList({ drive: driveId });
  const volumes = query.data;
  const worstFirst = useMemo(
    () => (volumes ? sortVolumes(volumes, { column: 'health', direction: 'asc' }).slice(0, SHOWN) : []),
    [volumes],
  );
  const summary = useMemo(() => (volumes ? healthSummaryLine(countByHealth(volumes), false) : ''), [volumes]);
  return (
    <section className="drive-volumes" aria-labelledby="drive-volumes-heading">
      <h3 id="drive-volumes-heading">Volumes on this drive</h3>
      {!volumes ? (
        query.isError ? (
          <p role="alert" className="drive-volumes-error">
            Could not load volumes: {errorMessage(query.error)}{' '}
            <button type="button" onClick={() => void query.refetch()}>
              Retry
            </button>
          </p>
        ) : (
          <p className="muted" aria-busy="true">
            Loading volumes…
          </p>
        )
      ) : volumes.length === 0 ? (
        <p className="muted" data-volume-count={0}>
          No volumes on this drive
        </p>
      ) : (
        <>
          {volumes.length > 1 && (
            <p className="muted" data-volume-count={volumes.length}>
              {summary}
            </p>
          )}
          {volumes.length > SHOWN && (
            <p>
              <Link to={`/volumes?drive=${encodeURIComponent(driveId)}&sort=health&order=asc`}>
                All {formatCount(volumes.length)} volumes on this drive, worst first (the {SHOWN} worst below)
              </Link>
            </p>
          )}
          <ul
            className="drive-volume-list"
            aria-label={`Volumes on drive ${driveId}`}
            data-volume-count={volumes.length}
          >
            {worstFirst.map((volume) => (
              <li key={volume.id} data-volume-id={volume.id} data-health={volume.health}>
                <Link to={`/volumes/${encodeURIComponent(volume.id)}`}>
                  {claimLabel(volume) ?? volume.name}
                </Link>
                <span className="muted">
                  {' '}
                  {claimLabel(volume) ? `${volume.name} · ` : ''}
                  {layoutLabel(volume.layout)}
                </span>
                <VolumeHealthBadge health={volume.health} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
