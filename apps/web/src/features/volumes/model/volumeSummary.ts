import type { Volume, VolumeHealth } from '@drivebay/api-types';
import { VOLUME_HEALTH_WORST_FIRST } from '@drivebay/composer/health';
import { formatCount, plural } from '../../../shared/format/count';

/** How many volumes there are, in all and by health. */
export interface VolumeHealthCounts {
  readonly total: number;
  readonly byHealth: Readonly<Record<VolumeHealth, number>>;
}

/** Counts a list by health in one pass. */
export function countByHealth(list: readonly Volume[]): VolumeHealthCounts {
  const byHealth = { healthy: 0, degraded: 0, rebuilding: 0, failed: 0 };
  for (const volume of list) byHealth[volume.health] += 1;
  return { total: list.length, byHealth };
}

/** "3 volumes: 0 failed, 1 degraded, 0 rebuilding, 2 healthy"; "… match" under filters. */
export function healthSummaryLine(counts: VolumeHealthCounts, filtered: boolean): string {
  const parts = VOLUME_HEALTH_WORST_FIRST.map(
    (health) => `${formatCount(counts.byHealth[health])} ${health}`,
  );
  const noun = plural(counts.total, 'volume');
  return `${noun}${filtered ? (counts.total === 1 ? ' matches' : ' match') : ''}: ${parts.join(', ')}`;
}

/** Whether any counted volume is failed, degraded or rebuilding. */
export function anyUnhealthy(counts: VolumeHealthCounts): boolean {
  return counts.byHealth.failed + counts.byHealth.degraded + counts.byHealth.rebuilding > 0;
}
