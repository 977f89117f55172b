import type { Volume, VolumeHealth, VolumeLayout, VolumeMember } from '@drivebay/api-types';

/** "HDD", "SSD" or "SSD slice": what the volume is built from. */
export function typeLabel(volume: Volume): string {
  if (volume.request.parameters.type === 'slice') return 'SSD slice';
  return volume.media.toUpperCase();
}

const LAYOUT_LABELS: Record<VolumeLayout, string> = { single: 'Single', raid1: 'RAID1', raid10: 'RAID10' };

/** "Single", "RAID1", "RAID10". */
export function layoutLabel(layout: VolumeLayout): string {
  return LAYOUT_LABELS[layout];
}

/** Volume health from worst to best: the order operators triage in. */
export const HEALTH_ORDER: readonly VolumeHealth[] = ['failed', 'degraded', 'rebuilding', 'healthy'];

/** Index in HEALTH_ORDER: 0 for failed, 3 for healthy. */
export function healthRank(health: VolumeHealth): number {
  return HEALTH_ORDER.indexOf(health);
}

/** The four looks a status icon has: the map's shapes plus one for work in progress. */
export type StatusTone = 'ok' | 'degraded' | 'rebuilding' | 'failed';

const HEALTH_TONES: Record<VolumeHealth, StatusTone> = {
  healthy: 'ok',
  degraded: 'degraded',
  rebuilding: 'rebuilding',
  failed: 'failed',
};

const MEMBER_TONES: Record<VolumeMember['state'], StatusTone> = {
  active: 'ok',
  rebuilding: 'rebuilding',
  failed: 'failed',
};

export function healthTone(health: VolumeHealth): StatusTone {
  return HEALTH_TONES[health];
}

export function memberTone(state: VolumeMember['state']): StatusTone {
  return MEMBER_TONES[state];
}
