import type { Drive, Volume } from '@drivebay/api-types';
import type { TopologyModel } from '../../topology';
import { type HeatCell, type HeatCounts, heatBand, heatCounts } from './heatMap';
import { percent } from './percent';
import { holdersByDrive, type SlicedSsd, sliceLayout, type WholeHolder } from './sliceLayout';
import { type SliceSummary, type SsdUse, sliceSummary } from './sliceSummary';

/** Everything the Slices page shows, derived from the topology and the volume list. */
export interface SiteSlices {
  readonly ssdCount: number;
  /** Sliced SSDs by drive id. */
  readonly sliced: ReadonlyMap<string, SlicedSsd>;
  /** Volumes holding an SSD whole, by drive id. */
  readonly wholeHolders: ReadonlyMap<string, WholeHolder>;
  /** One per SSD, in topology order (enclosure by enclosure). */
  readonly cells: readonly HeatCell[];
  readonly counts: HeatCounts;
  readonly summary: SliceSummary;
}

/** One pass over the drives and one over the volumes' members: fast enough to redo on every delta at 100,000 drives. */
export function siteSlices(model: TopologyModel, volumes: readonly Volume[]): SiteSlices {
  const holders = holdersByDrive(volumes);
  const sliced = new Map<string, SlicedSsd>();
  const cells: HeatCell[] = [];
  const uses: SsdUse[] = [];
  for (const drive of model.drives) {
    if (drive?.media !== 'ssd') continue;
    const heldWhole = holders.whole.has(drive.id);
    const slices = holders.slices.get(drive.id);
    // A drive held whole counts as whole even if a stale slice names it, as the composer counts it.
    const layout = slices && !heldWhole ? sliceLayout(drive, slices) : undefined;
    if (layout) sliced.set(drive.id, layout);
    const usable = drive.health === 'ok' && model.enclosures.get(drive.enclosure)?.state === 'online';
    uses.push({ drive, usable, heldWhole, ...(layout ? { layout } : {}) });
    cells.push(heatCell(drive, usable, heldWhole, layout));
  }
  return {
    ssdCount: uses.length,
    sliced,
    wholeHolders: holders.whole,
    cells,
    counts: heatCounts(cells),
    summary: sliceSummary(uses),
  };
}

function heatCell(drive: Drive, usable: boolean, heldWhole: boolean, layout?: SlicedSsd): HeatCell {
  const share = layout ? layout.usedGiB / Math.max(1, layout.capacityGiB) : 0;
  const use = heldWhole
    ? 'held whole'
    : layout
      ? `${percent(share)} sliced · ${layout.sliceCount} ${layout.sliceCount === 1 ? 'slice' : 'slices'}`
      : 'not sliced';
  // Degraded drives and offline enclosures take no new slices either, as the composer decides.
  const state = drive.health !== 'ok' ? `health ${drive.health}` : usable ? 'health ok' : 'enclosure offline';
  return {
    id: drive.id,
    band: heatBand(share, heldWhole),
    unusable: !usable,
    label: `${drive.id} · ${use} · ${state}${usable ? '' : ', takes no new volumes'}`,
  };
}
