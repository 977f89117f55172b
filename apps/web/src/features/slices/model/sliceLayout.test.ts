import { GIB } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../shared/testing/builders';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { holdersByDrive, sliceLayout } from './sliceLayout';

const ssd = buildDrive({ id: 'ssd-1', media: 'ssd', rpm: 0, capacityBytes: 100 * GIB + 123 });
const sliceVolume = (id: string, offsetGiB: number, sizeGiB: number, driveId = 'ssd-1') =>
  buildVolume({ id, name: id, members: [buildMember({ driveId, slice: { offsetGiB, sizeGiB } })] });

describe('holdersByDrive', () => {
  it('groups slices by SSD and notes drives held whole', () => {
    const mirror = buildVolume({
      id: 'mirror',
      members: [
        buildMember({ driveId: 'ssd-1', slice: { offsetGiB: 60, sizeGiB: 5 } }),
        buildMember({ driveId: 'ssd-2', slice: { offsetGiB: 0, sizeGiB: 5 }, copy: 1 }),
      ],
    });
    const holders = holdersByDrive([sliceVolume('a', 0, 20), mirror, buildVolume({ id: 'whole' })]);
    expect(holders.slices.get('ssd-1')?.map((s) => s.volumeId)).toEqual(['a', 'mirror']);
    expect(holders.slices.get('ssd-2')).toEqual([
      { offsetGiB: 0, sizeGiB: 5, volumeId: 'mirror', volumeName: 'mirror', pvcName: 'mirror' },
    ]);
    expect(holders.whole.get('drive-1')).toEqual({ volumeId: 'whole', volumeName: 'whole' });
  });
});

describe('sliceLayout', () => {
  const holders = holdersByDrive([sliceVolume('b', 40, 10), sliceVolume('a', 0, 20)]);
  const layout = sliceLayout(ssd, holders.slices.get('ssd-1') ?? []);

  it('lays slices and gaps out in offset order over the whole GiB', () => {
    expect(layout.segments.map((s) => [s.kind, s.offsetGiB, s.sizeGiB])).toEqual([
      ['slice', 0, 20],
      ['free', 20, 20],
      ['slice', 40, 10],
      ['free', 50, 50],
    ]);
    expect(layout).toMatchObject({ capacityGiB: 100, sliceCount: 2, usedGiB: 30, freeGiB: 70 });
  });

  it('keeps the sub-GiB tail out of the sliceable space', () => {
    expect(layout.tailBytes).toBe(123);
    expect(layout.segments.at(-1)).toMatchObject({ offsetGiB: 50, sizeGiB: 50 });
  });

  it('measures fragmentation as the free share outside the largest gap', () => {
    expect(layout.largestGapGiB).toBe(50);
    expect(layout.fragmentation).toBeCloseTo(20 / 70);
  });

  it('calls a full SSD and one with a single gap unfragmented', () => {
    const owner = { volumeId: 'v', volumeName: 'v', pvcName: 'v' };
    const full = sliceLayout(ssd, [{ ...owner, offsetGiB: 0, sizeGiB: 100 }]);
    expect(full).toMatchObject({ freeGiB: 0, largestGapGiB: 0, fragmentation: 0 });
    expect(full.segments).toHaveLength(1);
    expect(sliceLayout(ssd, [{ ...owner, offsetGiB: 0, sizeGiB: 10 }]).fragmentation).toBe(0);
  });
});
