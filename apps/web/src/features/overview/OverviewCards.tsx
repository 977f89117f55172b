import type { CapacityReport, DriveHealth } from '@drivebay/api-types';
import { Link } from 'react-router';
import { StatusIcon } from '../../shared/components/StatusIcon';
import { formatCount, plural } from '../../shared/format/count';
import { CapacityTiersCard } from './components/CapacityTiersCard';
import { KubernetesCard } from './components/KubernetesCard';
import { RebuildsCard } from './components/RebuildsCard';
import type { HealthSummary } from './healthSummary';
import { driveHealthHref, enclosureStateHref } from './model/countLinks';
import { SummaryCard } from './SummaryCard';
import { VolumesCard } from './VolumesCard';

const HEALTH_ROWS: readonly { health: DriveHealth; name: string }[] = [
  { health: 'failed', name: 'Failed' },
  { health: 'degraded', name: 'Degraded' },
  { health: 'offline', name: 'Offline' },
  { health: 'ok', name: 'OK' },
];

/** The overview's cards, all from one HealthSummary; each count of drives or enclosures links to where they are. */
export function OverviewCards({
  summary,
  capacity,
}: {
  summary: HealthSummary;
  capacity: CapacityReport | undefined;
}) {
  return (
    <>
      <div className="cards">
        <SummaryCard title="Drives" figure={formatCount(summary.drives.total)}>
          <ul className="card-list">
            {HEALTH_ROWS.map((row) => (
              <li key={row.health} data-health={row.health}>
                <StatusIcon tone={row.health} />
                <Link to={driveHealthHref(row.health)}>{row.name}</Link>
                <strong data-count={summary.drives.byHealth[row.health]}>
                  {formatCount(summary.drives.byHealth[row.health])}
                </strong>
              </li>
            ))}
          </ul>
        </SummaryCard>
        <SummaryCard title="Enclosures" figure={formatCount(summary.enclosures.total)}>
          <ul className="card-list">
            <li data-enclosure-state="online">
              <Link to={enclosureStateHref('online')}>Online</Link>{' '}
              <strong>{formatCount(summary.enclosures.online)}</strong>
            </li>
            <li data-enclosure-state="offline">
              <Link to={enclosureStateHref('offline')}>Offline</Link>{' '}
              <strong>{formatCount(summary.enclosures.offline)}</strong>
            </li>
            <li>
              In <strong>{plural(summary.racks, 'rack')}</strong>
            </li>
          </ul>
        </SummaryCard>
        <VolumesCard />
        <RebuildsCard report={capacity} now={Date.now()} />
        <SummaryCard title="Servers" figure={formatCount(summary.servers.total)}>
          <ul className="card-list">
            <li>
              Up <strong>{formatCount(summary.servers.byState.up)}</strong>
            </li>
            <li>
              Down <strong>{formatCount(summary.servers.byState.down)}</strong>
            </li>
            <li>
              Maintenance <strong>{formatCount(summary.servers.byState.maintenance)}</strong>
            </li>
          </ul>
        </SummaryCard>
        <KubernetesCard />
      </div>
      <CapacityTiersCard report={capacity} />
    </>
  );
}
