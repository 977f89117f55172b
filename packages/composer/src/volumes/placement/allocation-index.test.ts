import { GIB } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { PlannedMember } from '../types.js';
import { type AllocatedVolume, AllocationIndex } from './allocation-index.js';
import { TB } from './testing/placement-fixtures.js';

const whole = (
  driveId: string,
  set = 0,
  copy = 0,
  enclosureId = 'enc-a',
  storageGroup = 'feed-1',
): PlannedMember => ({
  driveId,
  enclosureId,
  storageGroup,
  set,
  copy,
});
const slice = (driveId: string, offsetGiB: number, sizeGiB: number, copy = 0): PlannedMember => ({
  ...whole(driveId, 0, copy, 'enc-s', 'feed-2'),
  slice: { offsetGiB, sizeGiB },
});
const volume = (id: string, capacityBytes: number, members: PlannedMember[]): AllocatedVolume => ({
  id,
  capacityBytes,
  members,
});

describe('AllocationIndex', () => {
  it('knows who holds a whole drive and which drives are untouched', () => {
    const index = AllocationIndex.fromVolumes([
      volume('vol-1', 12 * TB, [whole('drv-1'), whole('drv-2', 0, 1)]),
    ]);
    expect(index.wholeOwner('drv-1')).toBe('vol-1');
    expect(index.wholeOwner('drv-2')).toBe('vol-1');
    expect(index.isUntouched('drv-1')).toBe(false);
    expect(index.isUntouched('drv-3')).toBe(true);
    expect(index.volumeCount).toBe(1);
  });

  it('keeps slice extents per SSD in offset order and answers free GiB', () => {
    const index = AllocationIndex.fromVolumes([
      volume('vol-b', 20 * GIB, [slice('ssd-1', 100, 20)]),
      volume('vol-a', 10 * GIB, [slice('ssd-1', 0, 10)]),
    ]);
    expect(index.slicesOn('ssd-1').map((e) => [e.offsetGiB, e.sizeGiB, e.volumeId])).toEqual([
      [0, 10, 'vol-a'],
      [100, 20, 'vol-b'],
    ]);
    expect(index.freeGiB('ssd-1', 3_840_000_000_000)).toBe(3576 - 30);
    expect(index.largestGapOn('ssd-1', 3576)).toBe(3576 - 120);
    expect(index.isUntouched('ssd-1')).toBe(false);
    expect([...index.slicedDrives()]).toEqual(['ssd-1']);
  });

  it('put replaces a volume’s previous members; remove releases them', () => {
    const index = new AllocationIndex();
    index.put(volume('vol-1', 10 * GIB, [slice('ssd-1', 0, 10)]));
    index.put(volume('vol-1', 20 * GIB, [slice('ssd-1', 0, 20)]));
    expect(index.slicesOn('ssd-1')).toEqual([{ offsetGiB: 0, sizeGiB: 20, volumeId: 'vol-1' }]);
    expect(index.usedBytesInEnclosure('enc-s')).toBe(20 * GIB);
    index.remove('vol-1');
    expect(index.slicesOn('ssd-1')).toEqual([]);
    expect(index.isUntouched('ssd-1')).toBe(true);
    expect(index.usedBytesInEnclosure('enc-s')).toBe(0);
    expect(index.has('vol-1')).toBe(false);
    index.remove('vol-unknown');
  });

  it('counts used bytes per enclosure and storage group: a whole member is its share of the capacity', () => {
    const raid10 = volume('vol-r', 24 * TB, [
      whole('d1', 0, 0, 'enc-a', 'feed-1'),
      whole('d2', 0, 1, 'enc-b', 'feed-2'),
      whole('d3', 1, 0, 'enc-a', 'feed-1'),
      whole('d4', 1, 1, 'enc-b', 'feed-2'),
    ]);
    const index = AllocationIndex.fromVolumes([raid10]);
    expect(index.usedBytesInEnclosure('enc-a')).toBe(24 * TB);
    expect(index.usedBytesInStorageGroup('feed-2')).toBe(24 * TB);
    expect([...index.touchedIn('enc-a')].sort()).toEqual(['d1', 'd3']);
  });

  it('changes an enclosure’s stamp only when its touched drives change', () => {
    const index = new AllocationIndex();
    expect(index.stampOf('enc-s')).toBe(0);
    index.put(volume('vol-1', 10 * GIB, [slice('ssd-1', 0, 10)]));
    const first = index.stampOf('enc-s');
    expect(first).toBeGreaterThan(0);
    index.put(volume('vol-2', 10 * GIB, [slice('ssd-1', 10, 10)]));
    expect(index.stampOf('enc-s')).toBe(first);
    index.remove('vol-1');
    index.remove('vol-2');
    expect(index.stampOf('enc-s')).toBeGreaterThan(first);
  });

  it('reports what would be allocated twice', () => {
    const index = AllocationIndex.fromVolumes([
      volume('vol-1', 12 * TB, [whole('drv-1')]),
      volume('vol-2', 10 * GIB, [slice('ssd-1', 10, 10)]),
    ]);
    expect(index.conflicts(volume('vol-3', 12 * TB, [whole('drv-1')]))).toEqual([
      'member 0: drv-1 is held whole by vol-1',
    ]);
    expect(index.conflicts(volume('vol-3', 10 * GIB, [slice('ssd-1', 15, 10)]))).toEqual([
      'member 0: slice on ssd-1 overlaps vol-2',
    ]);
    expect(index.conflicts(volume('vol-3', 1 * TB, [whole('ssd-1')]))).toEqual([
      'member 0: ssd-1 holds slices of vol-2',
    ]);
    expect(
      index.conflicts(volume('vol-3', 10 * GIB, [slice('ssd-1', 0, 10), slice('ssd-1', 5, 3, 1)])),
    ).toEqual(['members 0 and 1 both use ssd-1']);
    expect(index.conflicts(volume('vol-3', 10 * GIB, [slice('ssd-1', 20, 10)]))).toEqual([]);
    // Putting a volume again is a replacement, not a clash with itself.
    expect(index.conflicts(volume('vol-1', 12 * TB, [whole('drv-1')]))).toEqual([]);
  });
});
