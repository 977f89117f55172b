import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../testing/builders';
import { buildMember, buildVolume } from '../../volumes/testing/buildVolume';
import { sliceLayout, slicesByDrive } from './sliceLayout';
import { heatBand, sliceSummary } from './sliceSummary';

const GiB = 1024 ** 3;
const ssd = buildDrive({ id: 'ssd-1', media: 'ssd', rpm: 0, capacityBytes: 100 * GiB + 123 });
const slice = (volume: string, offsetGiB: number, sizeGiB: number) =>
  buildVolume({
    id: volume,
    name: volume,
    members: [buildMember({ driveId: 'ssd-1', slice: { offsetGiB, sizeGiB } })],
  });

describe('sliceLayout', () => {
  const byDrive = slicesByDrive([slice('b', 40, 10), slice('a', 0, 20), buildVolume({ id: 'whole' })]);
  const layout = sliceLayout(ssd, byDrive.get('ssd-1') ?? []);

  it('lays slices and gaps out in offset order over the whole GiB', () => {
    expect(layout.capacityGiB).toBe(100);
    expect(layout.segments.map((s) => [s.kind, s.offsetGiB, s.sizeGiB])).toEqual([
      ['slice', 0, 20],
      ['free', 20, 20],
      ['slice', 40, 10],
      ['free', 50, 50],
    ]);
    expect(layout).toMatchObject({ usedGiB: 30, freeGiB: 70, largestGapGiB: 50, tailBytes: 123 });
  });

  it('measures fragmentation as the free share outside the largest gap', () => {
    expect(layout.fragmentation).toBeCloseTo(20 / 70);
    expect(
      sliceLayout(ssd, [{ offsetGiB: 0, sizeGiB: 100, volumeId: 'v', volumeName: 'v' }]).fragmentation,
    ).toBe(0);
  });

  it('sums the site: sliced, whole in use, free bytes, mean fragmentation and stranded tails', () => {
    const whole = buildDrive({ id: 'ssd-2', media: 'ssd', capacityBytes: 10 * GiB });
    const spare = buildDrive({ id: 'ssd-3', media: 'ssd', capacityBytes: 5 * GiB });
    const summary = sliceSummary([ssd, whole, spare], [layout], new Set(['ssd-2']));
    expect(summary).toMatchObject({ ssds: 3, sliced: 1, wholeInUse: 1, freeBytes: 75 * GiB, strandedGiB: 0 });
    expect(summary.meanFragmentation).toBeCloseTo(20 / 70);
  });

  it('bands usage for the heat map', () => {
    expect([0, 0.1, 0.3, 0.6, 1].map(heatBand)).toEqual([0, 1, 2, 3, 4]);
  });
});
