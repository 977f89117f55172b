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
