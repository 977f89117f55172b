import type { Inventory } from '../../inventory/inventory.js';
import type { AllocationIndex } from './allocation-index.js';
import { freeGiBOf, largestGapGiB, type SliceExtent, sliceableGiB } from './slice-extents.js';

/** How scattered the free space of sliced SSDs is. */
export interface SliceFragmentation {
  /** Free whole GiB. */
  readonly freeGiB: number;
  /** The largest free gap (summed over SSDs for a site). */
  readonly largestGapGiB: number;
  /**
   * 1 − largest free gap / total free, in 0..1: 0 when the free space is one extent (any request
   * that fits the free total fits), near 1 when it is scattered in many small gaps. 0 when full.
   */
  readonly fragmentation: number;
  /** SSDs measured. */
  readonly drives: number;
}

/** Fragmentation of one SSD's free space, given its extents sorted by offset. */
export function sliceFragmentation(extents: readonly SliceExtent[], capacityGiB: number): SliceFragmentation {
  const free = freeGiBOf(extents, capacityGiB);
  const largest = largestGapGiB(extents, capacityGiB);
  return { freeGiB: free, largestGapGiB: largest, fragmentation: ratio(largest, free), drives: 1 };
}

/**
 * Site-wide fragmentation over the SSDs that hold slices: 1 − Σ largest gap / Σ free, i.e. the
 * share of free slice space that lies outside its SSD's largest gap. Untouched SSDs are left
 * out: their space is whole, and counting it would hide the fragmentation slicing causes.
 */
export function siteSliceFragmentation(site: Inventory, allocations: AllocationIndex): SliceFragmentation {
  let freeGiB = 0;
  let largest = 0;
  let drives = 0;
  for (const driveId of allocations.slicedDrives()) {
    const drive = site.drives.get(driveId);
    if (!drive) continue;
    const one = sliceFragmentation(allocations.slicesOn(driveId), sliceableGiB(drive.capacityBytes));
    freeGiB += one.freeGiB;
    largest += one.largestGapGiB;
    drives += 1;
  }
  return { freeGiB, largestGapGiB: largest, fragmentation: ratio(largest, freeGiB), drives };
}

function ratio(largest: number, free: number): number {
  return free === 0 ? 0 : 1 - largest / free;
}
