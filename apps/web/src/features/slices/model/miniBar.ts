import type { SlicedSsd } from './sliceLayout';

/** A run of the mini bar: used by slices, or free, as percent of the sliceable GiB. */
export interface MiniBarRun {
  readonly used: boolean;
  readonly fromPercent: number;
  readonly toPercent: number;
}

/**
 * The SSD's layout as runs, adjacent slices merged: an SSD of thousands of 1 GiB slices draws
 * as a few runs, so a table of sliced SSDs needs one element per row, not one per slice.
 */
export function miniBarRuns(ssd: SlicedSsd): MiniBarRun[] {
  const runs: MiniBarRun[] = [];
  const total = Math.max(1, ssd.capacityGiB);
  for (const segment of ssd.segments) {
    const used = segment.kind === 'slice';
    const fromPercent = (segment.offsetGiB / total) * 100;
    const toPercent = (Math.min(total, segment.offsetGiB + segment.sizeGiB) / total) * 100;
    const last = runs.at(-1);
    if (last && last.used === used) runs[runs.length - 1] = { ...last, toPercent };
    else runs.push({ used, fromPercent, toPercent });
  }
  return runs;
}

/** A CSS gradient of the runs: used runs in `usedColour`, free runs see-through (to a hatch beneath). */
export function miniBarGradient(runs: readonly MiniBarRun[], usedColour: string): string {
  if (runs.length === 0) return 'none';
  const stops = runs.map((run) => {
    const colour = run.used ? usedColour : 'transparent';
    return `${colour} ${round(run.fromPercent)}% ${round(run.toPercent)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
