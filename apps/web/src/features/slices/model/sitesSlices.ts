import type { Drive, Volume } from '@drivebay/api-types';
import type { TopologyModel } from '../../topology/model/topologyModel';
import type { HeatCell } from '../components/SsdHeatMap';
import { type SlicedSsd, sliceLayout, slicesByDrive } from './sliceLayout';
import { heatBand, type SliceSummary, sliceSummary } from './sliceSummary';

/** Everything the page shows, from the topology and the volumes in one pass each. */
export interface SiteSlices {
  readonly ssds: readonly Drive[];
  readonly sliced: ReadonlyMap<string, SlicedSsd>;
  readonly cells: readonly HeatCell[];
  readonly summary: SliceSummary;
}

export function siteSlices(model: TopologyModel, volumes: readonly Volume[]): SiteSlices {
  const ssds: Drive[] = [];
  for (const drive of model.drives) if (drive?.media === 'ssd') ssds.push(drive);
  const byDrive = slicesByDrive(volumes);
  const wholeHeld = new Set<string>();
  for (const volume of volumes) for (const m of volume.members) if (!m.slice) wholeHeld.add(m.driveId);
  const sliced = new Map<string, SlicedSsd>();
  const cells: HeatCell[] = [];
  for (const drive of ssds) {
    const slices = byDrive.get(drive.id);
    const layout = slices ? sliceLayout(drive, slices) : undefined;
    if (layout) sliced.set(drive.id, layout);
    const share = layout ? layout.usedGiB / Math.max(1, layout.capacityGiB) : wholeHeld.has(drive.id) ? 1 : 0;
    const what = layout
      ? `${layout.segments.filter((s) => s.kind === 'slice').length} slices`
      : wholeHeld.has(drive.id)
        ? 'held whole'
        : 'not in use';
    cells.push({
      id: drive.id,
      band: heatBand(share),
      label: `${drive.id} · ${Math.round(share * 100)}% used · ${what} · ${drive.health}`,
    });
  }
  return { ssds, sliced, cells, summary: sliceSummary(ssds, [...sliced.values()], wholeHeld) };
}
