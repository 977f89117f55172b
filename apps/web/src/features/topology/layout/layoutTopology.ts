import type { Enclosure } from '@drivebay/api-types';
import type { TopologyModel } from '../model/topologyModel';
import { BAY_PITCH, GEOMETRY as G } from './geometry';
import {
  DEFAULT_LAYOUT_OPTIONS,
  type EnclosureBox,
  type LayoutOptions,
  type RackBox,
  type RackLine,
  type TopologyLayout,
} from './layoutTypes';
import { type LineOfRacks, linesOfRacks, type RackGroup } from './rackGroups';

/**
 * Places racks, enclosures and bay grids in world units. Depends only on racks and
 * enclosures, so a drive changing health never triggers a relayout.
 */
export function layoutTopology(
  model: Pick<TopologyModel, 'racks' | 'enclosures'>,
  options: Partial<LayoutOptions> = {},
): TopologyLayout {
  const { bayColumns, maxRacksPerLine } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const builder = new LayoutBuilder(bayColumns);
  for (const line of linesOfRacks(model, maxRacksPerLine)) builder.addLine(line);
  return builder.finish();
}

class LayoutBuilder {
  readonly #lines: RackLine[] = [];
  readonly #racks: RackBox[] = [];
  readonly #enclosures: EnclosureBox[] = [];
  readonly #columns: number;
  readonly #enclosureWidth: number;
  #y = 0;
  #width = 0;

  constructor(columns: number) {
    this.#columns = columns;
    this.#enclosureWidth = columns * BAY_PITCH - G.bayGap + 2 * G.enclosurePadding;
  }

  addLine(line: LineOfRacks): void {
    const rackStart = this.#racks.length;
    let x = 0;
    let rackHeight = 0;
    for (const group of line.groups) {
      const rack = this.#addRack(group, x, this.#y + G.rowHeader);
      rackHeight = Math.max(rackHeight, rack.height);
      x += rack.width + G.rackGap;
    }
    const width = Math.max(0, x - G.rackGap);
    const height = G.rowHeader + rackHeight;
    this.#lines.push({
      label: line.label,
      x: 0,
      y: this.#y,
      width,
      height,
      rackStart,
      rackEnd: this.#racks.length,
    });
    this.#width = Math.max(this.#width, width);
    this.#y += height + G.rowGap;
  }

  finish(): TopologyLayout {
    const enclosures = this.#enclosures;
    return {
      width: this.#width,
      height: Math.max(0, this.#y - G.rowGap),
      lines: this.#lines,
      racks: this.#racks,
      enclosures,
      enclosureIndex: new Map(enclosures.map((box, index) => [box.id, index])),
    };
  }

  #addRack(group: RackGroup, x: number, top: number): RackBox {
    const enclosureStart = this.#enclosures.length;
    let y = top + G.rackHeader;
    for (const enclosure of group.enclosures) {
      const box = this.#enclosureBox(enclosure, x + G.rackPadding, y);
      this.#enclosures.push(box);
      y += box.height + G.enclosureGap;
    }
    const contentBottom = group.enclosures.length > 0 ? y - G.enclosureGap : y + 2 * BAY_PITCH;
    const rack: RackBox = {
      id: group.rack.id,
      name: group.rack.name,
      x,
      y: top,
      width: this.#enclosureWidth + 2 * G.rackPadding,
      height: contentBottom + G.rackPadding - top,
      enclosureStart,
      enclosureEnd: this.#enclosures.length,
    };
    this.#racks.push(rack);
    return rack;
  }

  #enclosureBox(enclosure: Enclosure, x: number, y: number): EnclosureBox {
    const columns = this.#columns;
    const rows = Math.ceil(enclosure.bayCount / columns);
    return {
      id: enclosure.id,
      name: enclosure.name,
      rackId: enclosure.rack,
      offline: enclosure.state === 'offline',
      bayCount: enclosure.bayCount,
      x,
      y,
      width: this.#enclosureWidth,
      height: G.enclosureHeader + rows * BAY_PITCH - G.bayGap + G.enclosurePadding,
      gridX: x + G.enclosurePadding,
      gridY: y + G.enclosureHeader,
      columns,
      rows,
    };
  }
}
