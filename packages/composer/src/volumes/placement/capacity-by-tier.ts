import { type Drive, GIB } from '@drivebay/api-types';
import type { Inventory } from '../../inventory/inventory.js';
import type { AllocationIndex } from './allocation-index.js';
import { freeGiBOf, sliceableGiB } from './slice-extents.js';

/** Raw bytes of one tier; usedBytes + freeBytes + strandedBytes = totalBytes. */
export interface TierCapacity {
  readonly drives: number;
  readonly totalBytes: number;
  /** Held by volumes: whole drives in full, slices by their extents. */
  readonly usedBytes: number;
  /** Could be allocated now. */
  readonly freeBytes: number;
  /** Not held, yet unusable: see capacityByTier. */
  readonly strandedBytes: number;
}

/** HDDs, SSDs given (or available to be given) whole, and SSDs carved into slices. */
export interface CapacityByTier {
  readonly hdd: TierCapacity;
  readonly ssdWhole: TierCapacity;
  readonly ssdSliced: TierCapacity;
}

/**
 * Capacity per tier, from the inventory and the allocations. An SSD belongs to ssdSliced once it
 * holds a slice, to ssdWhole otherwise (untouched SSDs count there: they can still go whole).
 * Used: a whole-held drive's full capacity, or the GiB its slices hold. Stranded: space nobody
 * holds that cannot be allocated — every free byte on a drive that is not healthy ('degraded',
 * 'failed', 'offline') or sits in an offline enclosure, plus on sliced SSDs the sub-GiB tail
 * that 1 GiB alignment can never use. Drives gone from the inventory are not counted.
 */
export function capacityByTier(site: Inventory, allocations: AllocationIndex): CapacityByTier {
  const tiers = { hdd: empty(), ssdWhole: empty(), ssdSliced: empty() };
  for (const drive of site.drives.values()) {
    const usable = drive.health === 'ok' && site.enclosures.get(drive.enclosure)?.state === 'online';
    const extents = allocations.slicesOn(drive.id);
    const held = allocations.wholeOwner(drive.id) !== undefined;
    if (drive.media === 'ssd' && extents.length > 0 && !held) {
      addSliced(tiers.ssdSliced, drive, freeGiBOf(extents, sliceableGiB(drive.capacityBytes)), usable);
      continue;
    }
    const tier = drive.media === 'hdd' ? tiers.hdd : tiers.ssdWhole;
    tier.drives += 1;
    tier.totalBytes += drive.capacityBytes;
    if (held) tier.usedBytes += drive.capacityBytes;
    else if (usable) tier.freeBytes += drive.capacityBytes;
    else tier.strandedBytes += drive.capacityBytes;
  }
  return tiers;
}

type Mutable = { -readonly [K in keyof TierCapacity]: TierCapacity[K] };

function empty(): Mutable {
  return { drives: 0, totalBytes: 0, usedBytes: 0, freeBytes: 0, strandedBytes: 0 };
}

function addSliced(tier: Mutable, drive: Drive, freeGiB: number, usable: boolean): void {
  const sliceable = sliceableGiB(drive.capacityBytes);
  tier.drives += 1;
  tier.totalBytes += drive.capacityBytes;
  tier.usedBytes += (sliceable - freeGiB) * GIB;
  tier.strandedBytes += drive.capacityBytes - sliceable * GIB;
  if (usable) tier.freeBytes += freeGiB * GIB;
  else tier.strandedBytes += freeGiB * GIB;
}
