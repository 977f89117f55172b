import { GIB } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { sliceFragmentation } from './fragmentation.js';
import {
  bestFitGap,
  freeGaps,
  insertExtent,
  roundUpToGiB,
  type SliceExtent,
  sliceableGiB,
} from './slice-extents.js';

const extent = (offsetGiB: number, sizeGiB: number, volumeId = 'vol-a'): SliceExtent => ({
  offsetGiB,
  sizeGiB,
  volumeId,
});

describe('slice arithmetic', () => {
  it('rounds requested sizes up to whole GiB', () => {
    expect(roundUpToGiB(1)).toBe(1);
    expect(roundUpToGiB(GIB)).toBe(1);
    expect(roundUpToGiB(GIB + 1)).toBe(2);
    expect(roundUpToGiB(100 * 1e9)).toBe(94);
  });

  it('never slices the sub-GiB tail of a decimal-sized SSD', () => {
    expect(sliceableGiB(3_840_000_000_000)).toBe(3576);
    expect(sliceableGiB(1_920_000_000_000)).toBe(1788);
  });

  it('lists the free gaps between, before and after extents', () => {
    const extents = [extent(10, 5), extent(20, 10)];
    expect(freeGaps(extents, 40)).toEqual([
      { offsetGiB: 0, sizeGiB: 10 },
      { offsetGiB: 15, sizeGiB: 5 },
      { offsetGiB: 30, sizeGiB: 10 },
    ]);
    expect(freeGaps([], 40)).toEqual([{ offsetGiB: 0, sizeGiB: 40 }]);
    expect(freeGaps([extent(0, 40)], 40)).toEqual([]);
  });

  it('best fit takes the smallest gap that holds the slice, lowest offset among equals', () => {
    const gaps = freeGaps([extent(10, 5), extent(20, 10), extent(35, 1)], 100);
    // Gaps: 0+10, 15+5, 30+5, 36+64.
    expect(bestFitGap(gaps, 5)).toEqual({ offsetGiB: 15, sizeGiB: 5 });
    expect(bestFitGap(gaps, 6)).toEqual({ offsetGiB: 0, sizeGiB: 10 });
    expect(bestFitGap(gaps, 11)).toEqual({ offsetGiB: 36, sizeGiB: 64 });
    expect(bestFitGap(gaps, 65)).toBeUndefined();
  });

  it('keeps extents sorted by offset as they are inserted', () => {
    const extents: SliceExtent[] = [];
    for (const offset of [50, 10, 30, 0, 70]) insertExtent(extents, extent(offset, 5));
    expect(extents.map((e) => e.offsetGiB)).toEqual([0, 10, 30, 50, 70]);
  });
});

describe('sliceFragmentation', () => {
  it('is 0 when the free space is one gap, and 0 when the SSD is full', () => {
    expect(sliceFragmentation([extent(0, 10)], 100).fragmentation).toBe(0);
    expect(sliceFragmentation([extent(0, 100)], 100)).toMatchObject({ freeGiB: 0, fragmentation: 0 });
  });

  it('is 1 − largest gap / free space', () => {
    // Free: 0+10 and 20+30 → 40 GiB free, largest 30.
    const measured = sliceFragmentation([extent(10, 10), extent(50, 50)], 100);
    expect(measured).toMatchObject({ freeGiB: 40, largestGapGiB: 30 });
    expect(measured.fragmentation).toBeCloseTo(0.25);
  });
});
