import { GIB } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../shared/testing/builders';
import { sliceLayout } from './sliceLayout';
import { type SsdUse, sliceSummary } from './sliceSummary';

const owner = { volumeId: 'v', volumeName: 'v', pvcName: 'v' };
const ssd = (id: string, gib: number, tail = 0) =>
  buildDrive({ id, media: 'ssd', rpm: 0, capacityBytes: gib * GIB + tail });
const sliced = (id: string, usable: boolean): SsdUse => {
  const drive = ssd(id, 100, GIB / 2);
  const layout = sliceLayout(drive, [
    { ...owner, offsetGiB: 10, sizeGiB: 20 },
    { ...owner, offsetGiB: 40, sizeGiB: 10 },
  ]);
  return { drive, usable, heldWhole: false, layout };
};

describe('sliceSummary', () => {
  const uses: SsdUse[] = [
    sliced('a', true),
    sliced('b', false),
    { drive: ssd('whole', 10), usable: true, heldWhole: true },
    { drive: ssd('spare', 5), usable: true, heldWhole: false },
    { drive: ssd('dead', 7), usable: false, heldWhole: false },
  ];
  const summary = sliceSummary(uses);

  it('counts SSDs sliced and held whole', () => {
    expect(summary).toMatchObject({ ssds: 5, sliced: 2, wholeInUse: 1 });
  });

  it('counts as free only what could be allocated now', () => {
    // a: 70 free GiB; spare: 5 GiB whole; b and dead are not usable.
    expect(summary.freeBytes).toBe(75 * GIB);
  });

  it('strands the sub-GiB tails and the free GiB of unusable sliced SSDs', () => {
    expect(summary.strandedGiB).toBe(0.5 + 0.5 + 70);
  });

  it('averages fragmentation over sliced SSDs with free space', () => {
    // Free: 10 + 10 + 50 GiB, the largest 50: 20/70 outside it, on both SSDs.
    expect(summary.meanFragmentation).toBeCloseTo(20 / 70);
    const full = ssd('full', 10);
    const fullLayout = sliceLayout(full, [{ ...owner, offsetGiB: 0, sizeGiB: 10 }]);
    expect(
      sliceSummary([...uses, { drive: full, usable: true, heldWhole: false, layout: fullLayout }])
        .meanFragmentation,
    ).toBeCloseTo(20 / 70);
  });

  it('reports zeros for a site without SSDs', () => {
    expect(sliceSummary([])).toEqual({
      ssds: 0,
      sliced: 0,
      wholeInUse: 0,
      freeBytes: 0,
      meanFragmentation: 0,
      strandedGiB: 0,
    });
  });
});
