import { VOLUME_HEALTH_WORST_FIRST } from '@drivebay/composer/health';
import { Link } from 'react-router';
import { StatusIcon } from '../../shared/components/StatusIcon';
import { formatCount } from '../../shared/format/count';
import { healthTone } from '../../shared/model/volumeLabels';
import { useVolumeCounts } from '../volumes';
import { SummaryCard } from './SummaryCard';

/** Volumes in all and by health, from the server's counts; each health links to the filtered list. */
export function VolumesCard() {
  const query = useVolumeCounts();
  const counts = query.data;
  if (!counts) {
    return (
      <SummaryCard title="Volumes" figure={query.isError ? '?' : '…'}>
        {query.isError ? (
          <p className="card-note">
            Could not count volumes.{' '}
            <button type="button" onClick={() => void query.refetch()}>
              Retry
            </button>
          </p>
        ) : (
          <p className="card-note" aria-busy="true">
            Counting…
          </p>
        )}
      </SummaryCard>
    );
  }
  return (
    <SummaryCard title="Volumes" figure={formatCount(counts.total)}>
      <ul className="card-list">
        {VOLUME_HEALTH_WORST_FIRST.map((health) => (
          <li key={health} data-health={health}>
            <StatusIcon tone={healthTone(health)} />
            <Link to={`/volumes?health=${health}`}>{health[0]?.toUpperCase() + health.slice(1)}</Link>
            <strong data-count={counts.byHealth[health]}>{formatCount(counts.byHealth[health])}</strong>
          </li>
        ))}
      </ul>
    </SummaryCard>
  );
}
