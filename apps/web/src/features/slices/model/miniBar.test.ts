import { GIB } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive } from '../../../shared/testing/builders';
import { miniBarGradient, miniBarRuns } from './miniBar';
import { sliceLayout } from './sliceLayout';

const ssd = buildDrive({ id: 'ssd-1', media: 'ssd', capacityBytes: 200 * GIB });
const owner = (volumeId: string, offsetGiB: number, sizeGiB: number) => ({
  offsetGiB,
  sizeGiB,
  volumeId,
  volumeName: volumeId,
  pvcName: volumeId,
});

describe('miniBarRuns', () => {
  it('merges adjacent slices into one run and keeps gaps apart', () => {
    const layout = sliceLayout(ssd, [owner('a', 0, 20), owner('b', 20, 30), owner('c', 100, 50)]);
    expect(miniBarRuns(layout)).toEqual([
      { used: true, fromPercent: 0, toPercent: 25 },
      { used: false, fromPercent: 25, toPercent: 50 },
      { used: true, fromPercent: 50, toPercent: 75 },
      { used: false, fromPercent: 75, toPercent: 100 },
    ]);
  });

  it('draws a thousand 1 GiB slices end to end as one run', () => {
    const big = buildDrive({ id: 'ssd-2', media: 'ssd', capacityBytes: 1000 * GIB });
    const layout = sliceLayout(
      big,
      Array.from({ length: 1000 }, (_, i) => owner(`v${i}`, i, 1)),
    );
    expect(miniBarRuns(layout)).toEqual([{ used: true, fromPercent: 0, toPercent: 100 }]);
  });
});

describe('miniBarGradient', () => {
  it('paints used runs and leaves free runs see-through', () => {
    const runs = [
      { used: true, fromPercent: 0, toPercent: 33.333 },
      { used: false, fromPercent: 33.333, toPercent: 100 },
    ];
    expect(miniBarGradient(runs, 'var(--x)')).toBe(
      'linear-gradient(to right, var(--x) 0% 33.33%, transparent 33.33% 100%)',
    );
    expect(miniBarGradient([], 'red')).toBe('none');
  });
});
