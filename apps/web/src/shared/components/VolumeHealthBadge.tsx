import type { VolumeHealth } from '@drivebay/api-types';
import { healthTone } from '../model/volumeLabels';
import { StatusIcon } from './StatusIcon';

/** Health as icon and word; `badge` draws it as a pill for headers. */
export function VolumeHealthBadge({ health, badge = false }: { health: VolumeHealth; badge?: boolean }) {
  return (
    <span className={badge ? 'health-badge volume-health' : 'volume-health'} data-health={health}>
      <StatusIcon tone={healthTone(health)} /> {health}
    </span>
  );
}
