import type { DriveHealth, VolumeHealth } from '@drivebay/api-types';

/**
 * The one definition of how bad each health is, worst first: the order operators triage in,
 * which every list, sort, count and "worst of" in the API and the console follows.
 */
export const VOLUME_HEALTH_WORST_FIRST: readonly VolumeHealth[] = [
  'failed',
  'degraded',
  'rebuilding',
  'healthy',
];
export const DRIVE_HEALTH_WORST_FIRST: readonly DriveHealth[] = ['failed', 'offline', 'degraded', 'ok'];

/** 0 for failed, 3 for healthy; null (no volume) sorts after every health. */
export function volumeHealthRank(health: VolumeHealth | null): number {
  return health === null ? VOLUME_HEALTH_WORST_FIRST.length : VOLUME_HEALTH_WORST_FIRST.indexOf(health);
}

/** 0 for failed, 3 for ok. */
export function driveHealthRank(health: DriveHealth): number {
  return DRIVE_HEALTH_WORST_FIRST.indexOf(health);
}

/** The worst of several healths; null when there are none. */
export function worstVolumeHealth(healths: Iterable<VolumeHealth | null | undefined>): VolumeHealth | null {
  let worst: VolumeHealth | null = null;
  for (const health of healths) {
    if (health && (worst === null || volumeHealthRank(health) < volumeHealthRank(worst))) worst = health;
  }
  return worst;
}
