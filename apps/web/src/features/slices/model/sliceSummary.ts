import { type Drive, GIB } from '@drivebay/api-types';
import type { SlicedSsd } from './sliceLayout';

/** One SSD as the summary counts it. */
export interface SsdUse {
  readonly drive: Drive;
  /** Healthy and in an online enclosure: its free space can be allocated now. */
  readonly usable: boolean;
  readonly heldWhole: boolean;
  /** Its slice layout, when it holds slices and is not held whole. */
  readonly layout?: SlicedSsd;
}

/** The site's SSDs at a glance, counted the way the composer's capacity-by-tier counts them. */
export interface SliceSummary {
  readonly ssds: number;
  readonly sliced: number;
  readonly wholeInUse: number;
  /** Bytes that could be allocated now: untouched usable SSDs in full, plus free GiB on usable sliced ones. */
  readonly freeBytes: number;
  /** Mean fragmentation of the sliced SSDs that have free space (a full SSD is not fragmented). */
  readonly meanFragmentation: number;
  /** On sliced SSDs, space nobody holds and nobody can: sub-GiB tails, and free GiB on unusable SSDs. */
  readonly strandedGiB: number;
}

export function sliceSummary(uses: Iterable<SsdUse>): SliceSummary {
  let ssds = 0;
  let sliced = 0;
  let wholeInUse = 0;
  let freeBytes = 0;
  let strandedBytes = 0;
  let fragmentationSum = 0;
  let withFree = 0;
  for (const { drive, usable, heldWhole, layout } of uses) {
    ssds += 1;
    if (heldWhole) {
      wholeInUse += 1;
      continue;
    }
    if (!layout) {
      if (usable) freeBytes += drive.capacityBytes;
      continue;
    }
    sliced += 1;
    strandedBytes += layout.tailBytes;
    if (usable) freeBytes += layout.freeGiB * GIB;
    else strandedBytes += layout.freeGiB * GIB;
    if (layout.freeGiB > 0) {
      fragmentationSum += layout.fragmentation;
      withFree += 1;
    }
  }
  return {
    ssds,
    sliced,
    wholeInUse,
    freeBytes,
    meanFragmentation: withFree === 0 ? 0 : fragmentationSum / withFree,
    strandedGiB: Math.round((strandedBytes / GIB) * 10) / 10,
  };
}
