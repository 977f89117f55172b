import type { CapacityReport } from '@drivebay/api-types';
import { Link } from 'react-router';
import { formatDuration, formatTimeOnDay } from '../../../shared/format/time';
import { SummaryCard } from '../SummaryCard';

/** Rebuilds running now and when the last should finish. */
export function RebuildsCard({ report, now }: { report: CapacityReport | undefined; now: number }) {
  const rebuilds = report?.rebuilds;
  return (
    <SummaryCard title="Rebuilds" figure={rebuilds ? rebuilds.running.toLocaleString('en') : '…'}>
      {rebuilds && rebuilds.running > 0 && rebuilds.lastEta ? (
        <p className="card-note">
          Copies being rebuilt. The last should finish at{' '}
          {formatTimeOnDay(rebuilds.lastEta, new Date(now).toISOString())} (in{' '}
          {formatDuration(Date.parse(rebuilds.lastEta) - now)}).{' '}
          <Link to="/volumes?health=rebuilding">Which volumes</Link>
        </p>
      ) : (
        <p className="card-note">{rebuilds ? 'None running: every copy is in place.' : 'Counting…'}</p>
      )}
    </SummaryCard>
  );
}
