import { GIB } from '@drivebay/api-types';

/** One slice's extent on an SSD, in GiB, and the volume that owns it. */
export interface SliceExtent {
  readonly offsetGiB: number;
  readonly sizeGiB: number;
  readonly volumeId: string;
}

/** A free run of whole GiB on an SSD. */
export interface FreeGap {
  readonly offsetGiB: number;
  readonly sizeGiB: number;
}

/**
 * Whole GiB an SSD can hold in slices. Slices are 1 GiB-aligned, so the sub-GiB tail of a
 * decimal-sized SSD (0.28 GiB of a 3.84 TB drive) can never be sliced: it is stranded.
 */
export function sliceableGiB(capacityBytes: number): number {
  return Math.floor(capacityBytes / GIB);
}

/** A requested size in whole GiB, rounded up: a slice is never smaller than what was asked. */
export function roundUpToGiB(bytes: number): number {
  return Math.ceil(bytes / GIB);
}

/** The free gaps between extents sorted by offset, in offset order. */
export function freeGaps(extents: readonly SliceExtent[], capacityGiB: number): FreeGap[] {
  const gaps: FreeGap[] = [];
  let cursor = 0;
  for (const extent of extents) {
    if (extent.offsetGiB > cursor) gaps.push({ offsetGiB: cursor, sizeGiB: extent.offsetGiB - cursor });
    cursor = Math.max(cursor, extent.offsetGiB + extent.sizeGiB);
  }
  if (capacityGiB > cursor) gaps.push({ offsetGiB: cursor, sizeGiB: capacityGiB - cursor });
  return gaps;
}

/**
 * Best fit: the smallest gap that holds `sizeGiB`, the lowest offset among equals. Small
 * requests fill small holes, so large gaps survive for large requests.
 */
export function bestFitGap(gaps: readonly FreeGap[], sizeGiB: number): FreeGap | undefined {
  let best: FreeGap | undefined;
  for (const gap of gaps) {
    if (gap.sizeGiB >= sizeGiB && (!best || gap.sizeGiB < best.sizeGiB)) best = gap;
  }
  return best;
}

/** Free GiB on an SSD: its sliceable GiB less what its slices hold. */
export function freeGiBOf(extents: readonly SliceExtent[], capacityGiB: number): number {
  let used = 0;
  for (const extent of extents) used += extent.sizeGiB;
  return Math.max(0, capacityGiB - used);
}

/** The largest free gap on an SSD, 0 when it is full. */
export function largestGapGiB(extents: readonly SliceExtent[], capacityGiB: number): number {
  let largest = 0;
  for (const gap of freeGaps(extents, capacityGiB)) largest = Math.max(largest, gap.sizeGiB);
  return largest;
}

/** Inserts an extent keeping the array sorted by offset (binary search: SSDs hold many slices). */
export function insertExtent(extents: SliceExtent[], extent: SliceExtent): void {
  let low = 0;
  let high = extents.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (extents[mid]!.offsetGiB <= extent.offsetGiB) low = mid + 1;
    else high = mid;
  }
  extents.splice(low, 0, extent);
}

/** Whether two extents share at least one GiB. */
export function overlaps(a: Omit<SliceExtent, 'volumeId'>, b: Omit<SliceExtent, 'volumeId'>): boolean {
  return a.offsetGiB < b.offsetGiB + b.sizeGiB && b.offsetGiB < a.offsetGiB + a.sizeGiB;
}
