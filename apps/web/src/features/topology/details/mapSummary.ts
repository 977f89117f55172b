import { formatCount, plural } from '../../../shared/format/count';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';

/** The counts the map's summary line, aria-label and data attributes show. */
export interface MapSummary {
  readonly revision: number;
  readonly drives: number;
  readonly enclosures: number;
  readonly offlineEnclosures: number;
  /** Bays with no drive in them. */
  readonly emptyBays: number;
  readonly racks: number;
  readonly ok: number;
  readonly failed: number;
  readonly degraded: number;
  readonly offline: number;
}

/** Counts for the map; O(enclosures), drive counts are kept by the reducer. */
export function summarizeMap(model: TopologyModel): MapSummary {
  let offlineEnclosures = 0;
  let emptyBays = 0;
  for (const enclosure of model.enclosures.values()) {
    if (enclosure.state === 'offline') offlineEnclosures += 1;
    emptyBays += Math.max(0, enclosure.bayCount - enclosureSlots(model, enclosure.id).length);
  }
  return {
    revision: model.revision,
    drives: model.driveCount,
    enclosures: model.enclosures.size,
    offlineEnclosures,
    emptyBays,
    racks: model.racks.size,
    ok: model.healthCounts.ok,
    failed: model.healthCounts.failed,
    degraded: model.healthCounts.degraded,
    offline: model.healthCounts.offline,
  };
}

/** "Topology map: 412 drives in 8 enclosures, 1 failed, 2 degraded, 0 offline". */
export function mapAriaLabel(summary: MapSummary): string {
  return (
    `Topology map: ${plural(summary.drives, 'drive')} in ${plural(summary.enclosures, 'enclosure')}, ` +
    `${formatCount(summary.failed)} failed, ${formatCount(summary.degraded)} degraded, ${formatCount(summary.offline)} offline`
  );
}

/** The note under the summary line: "250 racks without enclosures not shown". */
export function hiddenRacksNote(racksWithoutEnclosures: number): string {
  return `${plural(racksWithoutEnclosures, 'rack')} without enclosures not shown`;
}

/** The text line above the map. */
export function mapSummaryLine(summary: MapSummary): string {
  const parts = [
    `${plural(summary.drives, 'drive')} in ${plural(summary.enclosures, 'enclosure')} across ${plural(summary.racks, 'rack')}`,
    `${formatCount(summary.failed)} failed`,
    `${formatCount(summary.degraded)} degraded`,
    `${formatCount(summary.offline)} offline`,
  ];
  if (summary.offlineEnclosures > 0) parts.push(`${plural(summary.offlineEnclosures, 'enclosure')} offline`);
  return parts.join(' · ');
}
