import type { Drive } from '@drivebay/api-types';
import type { SlicedSsd } from './sliceLayout';

const GiB = 1024 ** 3;

/** The site's SSDs at a glance: how many are sliced or held whole, and how their free space lies. */
export interface SliceSummary {
  readonly ssds: number;
  readonly sliced: number;
  readonly wholeInUse: number;
  readonly freeBytes: number;
  /** Mean fragmentation of the sliced SSDs that have free space. */
  readonly meanFragmentation: number;
  readonly strandedGiB: number;
}

export function sliceSummary(
  ssds: readonly Drive[],
  sliced: readonly SlicedSsd[],
  wholeHeld: ReadonlySet<string>,
): SliceSummary {
  const slicedIds = new Set(sliced.map((s) => s.drive.id));
  let freeBytes = 0;
  let wholeInUse = 0;
  for (const drive of ssds) {
    if (slicedIds.has(drive.id)) continue;
    if (wholeHeld.has(drive.id)) wholeInUse += 1;
    else if (drive.health === 'ok') freeBytes += drive.capacityBytes;
  }
  let fragmentationSum = 0;
  let withFree = 0;
  let strandedBytes = 0;
  for (const ssd of sliced) {
    freeBytes += ssd.freeGiB * GiB;
    strandedBytes += ssd.tailBytes;
    if (ssd.freeGiB > 0) {
      fragmentationSum += ssd.fragmentation;
      withFree += 1;
    }
  }
  return {
    ssds: ssds.length,
    sliced: sliced.length,
    wholeInUse,
    freeBytes,
    meanFragmentation: withFree === 0 ? 0 : fragmentationSum / withFree,
    strandedGiB: Math.round((strandedBytes / GiB) * 10) / 10,
  };
}

/** Heat-map band of an SSD by its used share: 0 unused … 4 for 76–100%. */
export function heatBand(usedShare: number): 0 | 1 | 2 | 3 | 4 {
  if (usedShare <= 0) return 0;
  if (usedShare <= 0.25) return 1;
  if (usedShare <= 0.5) return 2;
  if (usedShare <= 0.75) return 3;
  return 4;
}
