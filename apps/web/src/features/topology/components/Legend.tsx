import type { DriveHealth } from '@drivebay/api-types';
import { StatusIcon } from '../../../shared/components/StatusIcon';
import { formatCount } from '../../../shared/format/count';
import type { MapSummary } from '../details/mapSummary';
import { OfflineEnclosureIcon } from './OfflineEnclosureIcon';

const ITEMS: readonly { health: DriveHealth; name: string }[] = [
  { health: 'failed', name: 'Failed' },
  { health: 'degraded', name: 'Degraded' },
  { health: 'offline', name: 'Offline' },
  { health: 'ok', name: 'OK' },
];

/** Health colours and shapes, their names and live counts. */
export function Legend({ summary }: { summary: MapSummary }) {
  return (
    <ul className="legend" aria-label="Legend">
      {ITEMS.map((item) => (
        <li key={item.health} data-health={item.health}>
          <StatusIcon tone={item.health} />
          <span>{item.name}</span>
          <span className="legend-count" data-count={summary[item.health]}>
            {formatCount(summary[item.health])}
          </span>
        </li>
      ))}
      <li data-health="empty">
        <StatusIcon tone="empty" />
        <span>Empty bay</span>
        <span className="legend-count" data-count={summary.emptyBays}>
          {formatCount(summary.emptyBays)}
        </span>
      </li>
      <li data-enclosure-state="offline">
        <OfflineEnclosureIcon />
        <span>Offline enclosure</span>
        <span className="legend-count" data-count={summary.offlineEnclosures}>
          {formatCount(summary.offlineEnclosures)}
        </span>
      </li>
    </ul>
  );
}
