import type { Enclosure, Rack } from '@drivebay/api-types';
import type { TopologyModel } from '../model/topologyModel';
import { rowLabel } from './rowLabel';

/** A rack with its enclosures in stacking order. */
export interface RackGroup {
  readonly rack: Rack;
  readonly enclosures: Enclosure[];
}

/** A labelled line of racks, left to right. */
export interface LineOfRacks {
  readonly label: string;
  readonly groups: readonly RackGroup[];
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** What the drive map draws, and how many racks it leaves out. */
export interface RacksToDraw {
  readonly lines: readonly LineOfRacks[];
  /** Racks holding no enclosure (compute racks: servers only), which the drive map leaves out. */
  readonly racksWithoutEnclosures: number;
}

/**
 * Groups enclosures into racks and racks into lines: one line per data-centre row, ordered by
 * Rack.position and wrapped after `maxRacksPerLine`; enclosures whose rack is unknown go to a
 * last line so nothing discovered is hidden. Racks without enclosures are left out and counted:
 * they hold no bays, and drawing them would spend half of each row on empty boxes.
 */
export function racksToDraw(
  model: Pick<TopologyModel, 'racks' | 'enclosures'>,
  maxRacksPerLine: number,
): RacksToDraw {
  const groups = new Map<string, RackGroup>();
  for (const rack of model.racks.values()) groups.set(rack.id, { rack, enclosures: [] });
  const orphans = new Map<string, RackGroup>();
  for (const enclosure of model.enclosures.values()) {
    const group = groups.get(enclosure.rack) ?? orphanGroup(orphans, enclosure.rack);
    group.enclosures.push(enclosure);
  }
  let racksWithoutEnclosures = 0;
  const rows = new Map<number, RackGroup[]>();
  for (const group of groups.values()) {
    if (group.enclosures.length === 0) {
      racksWithoutEnclosures += 1;
      continue;
    }
    const row = rows.get(group.rack.row);
    if (row) row.push(group);
    else rows.set(group.rack.row, [group]);
  }
  const labelled: [string, RackGroup[]][] = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, racks]) => [rowLabel(row), racks]);
  if (orphans.size > 0) labelled.push(['Racks not in the inventory', [...orphans.values()]]);
  const lines: LineOfRacks[] = [];
  for (const [label, racks] of labelled) {
    racks.sort(compareRacks);
    for (const group of racks) group.enclosures.sort(compareEnclosures);
    for (let start = 0; start < racks.length; start += maxRacksPerLine) {
      const groupsInLine = racks.slice(start, start + maxRacksPerLine);
      lines.push({ label: start === 0 ? label : `${label} (continued)`, groups: groupsInLine });
    }
  }
  return { lines, racksWithoutEnclosures };
}

function orphanGroup(orphans: Map<string, RackGroup>, rackId: string): RackGroup {
  let group = orphans.get(rackId);
  if (!group) {
    group = {
      rack: { id: rackId, name: `${rackId} (unknown rack)`, row: 0, position: orphans.size },
      enclosures: [],
    };
    orphans.set(rackId, group);
  }
  return group;
}

function compareRacks(a: RackGroup, b: RackGroup): number {
  return (
    a.rack.position - b.rack.position ||
    byName.compare(a.rack.name, b.rack.name) ||
    compareIds(a.rack.id, b.rack.id)
  );
}

// Enclosures carry no rack-unit position, so they stack by name (natural order: JBOD 2 < JBOD 10).
function compareEnclosures(a: Enclosure, b: Enclosure): number {
  return byName.compare(a.name, b.name) || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
