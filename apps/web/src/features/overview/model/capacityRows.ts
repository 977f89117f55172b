import type { CapacityTier, CapacityTiers, TierCapacity } from '@drivebay/api-types';

export const TIER_NAMES: Record<CapacityTier, string> = {
  hdd: 'HDD',
  ssdWhole: 'SSD (whole)',
  ssdSliced: 'SSD (sliced)',
};

/** One tier's bar: shares of used, free and stranded (0..1, adding up to 1), and the raw figures. */
export interface CapacityRow {
  readonly tier: CapacityTier;
  readonly name: string;
  readonly capacity: TierCapacity;
  readonly usedShare: number;
  readonly freeShare: number;
  readonly strandedShare: number;
}

/** Rows for every tier, in the order operators read them: HDD, then SSDs whole, then sliced. */
export function capacityRows(tiers: CapacityTiers): CapacityRow[] {
  return (['hdd', 'ssdWhole', 'ssdSliced'] as const).map((tier) => {
    const capacity = tiers[tier];
    const total = capacity.totalBytes;
    const share = (bytes: number) => (total > 0 ? bytes / total : 0);
    return {
      tier,
      name: TIER_NAMES[tier],
      capacity,
      usedShare: share(capacity.usedBytes),
      freeShare: share(capacity.freeBytes),
      strandedShare: share(capacity.strandedBytes),
    };
  });
}

/** "37% used": the part a glance needs, rounded down so "100%" means full. */
export function usedPercent(row: CapacityRow): string {
  if (row.capacity.totalBytes === 0) return row.tier === 'ssdSliced' ? 'no SSD sliced yet' : 'none';
  return `${Math.floor(row.usedShare * 100)}% used`;
}
