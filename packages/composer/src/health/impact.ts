import type { VolumeHealth, VolumeImpact } from '@drivebay/api-types';

/**
 * What a volume's health means for the data on it. availability: some stripe set has no copy
 * left, the data cannot be read. redundancy: a copy is lost and nothing rebuilds it yet, one more
 * failure loses data. rebuilding: a lost copy is being rebuilt, still one failure away until it
 * finishes. none: every copy is in place.
 */
export type { VolumeImpact };

const IMPACT: Record<VolumeHealth, VolumeImpact> = {
  failed: 'availability',
  degraded: 'redundancy',
  rebuilding: 'rebuilding',
  healthy: 'none',
};

export function volumeImpact(health: VolumeHealth): VolumeImpact {
  return IMPACT[health];
}

/**
 * Whether a volume (or a pod or claim by the worst of its volumes) is affected: anything but
 * healthy. Without a known volume nothing is affected.
 */
export function isAffected(
  health: VolumeHealth | null | undefined,
): health is Exclude<VolumeHealth, 'healthy'> {
  return health !== null && health !== undefined && health !== 'healthy';
}
