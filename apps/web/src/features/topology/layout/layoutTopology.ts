import type { Enclosure } from '@drivebay/api-types';
import type { TopologyModel } from '../model/topologyModel';
import { enclosureHeight, enclosureWidth, lineSize, rackHeight, rackWidth } from './boxSizes';
import { GEOMETRY as G, type Rect } from './geometry';
import {
  DEFAULT_LAYOUT_OPTIONS,
  type EnclosureBox,
  type LayoutOptions,
  type LineStrip,
  type RackBox,
  type RackLine,
  type TopologyLayout,
} from './layoutTypes';
import { chooseColumns, lineGrid } from './lineGrid';
import { type LineOfRacks, type RackGroup, racksToDraw } from './rackGroups';

/**
 * Places racks, enclosures and bay grids in world units, dealing data-centre rows into columns
 * when that fits `aspectRatio` better. Depends only on racks, enclosures and the screen's shape,
 * so a drive changing health never triggers a relayout.
 */
export function layoutTopology(
  model: Pick<TopologyModel, 'racks' | 'enclosures'>,
  options: Partial<LayoutOptions> = {},
): TopologyLayout {
  const { bayColumns, maxRacksPerLine, aspectRatio } = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const { lines, racksWithoutEnclosures } = racksToDraw(model, maxRacksPerLine);
  const sizes = lines.map((line) => lineSize(line, bayColumns));
  const grid = lineGrid(sizes, aspectRatio === undefined ? 1 : chooseColumns(sizes, aspectRatio));
  const builder = new LayoutBuilder(bayColumns);
  lines.forEach((line, i) => {
    const size = sizes[i] ?? { width: 0, height: 0 };
    builder.addLine(line, { x: grid.x[i] ?? 0, y: grid.y[i] ?? 0, ...size });
  });
  const strips: LineStrip[] = grid.stripY.map((y, strip) => ({
    x: 0,
    y,
    width: grid.width,
    height: grid.stripHeight[strip] ?? 0,
    lineStart: strip * grid.columns,
    lineEnd: Math.min(lines.length, (strip + 1) * grid.columns),
  }));
  const enclosures = builder.enclosures;
  return {
    width: grid.width,
    height: grid.height,
    columns: grid.columns,
    strips,
    lines: builder.lines,
    racks: builder.racks,
    enclosures,
    enclosureIndex: new Map(enclosures.map((box, index) => [box.id, index])),
    racksWithoutEnclosures,
  };
}

class LayoutBuilder {
  readonly lines: RackLine[] = [];
  readonly racks: RackBox[] = [];
  readonly enclosures: EnclosureBox[] = [];
  readonly #columns: number;

  constructor(columns: number) {
    this.#columns = columns;
  }

  /** Adds a line into `box` (its `lineSize`): the row label, then racks side by side. */
  addLine(line: LineOfRacks, box: Rect): void {
    const rackStart = this.racks.length;
    let x = box.x;
    for (const group of line.groups) {
      const rack = this.#addRack(group, x, box.y + G.rowHeader);
      x += rack.width + G.rackGap;
    }
    this.lines.push({ label: line.label, ...box, rackStart, rackEnd: this.racks.length });
  }

  #addRack(group: RackGroup, x: number, top: number): RackBox {
    const enclosureStart = this.enclosures.length;
    let y = top + G.rackHeader;
    for (const enclosure of group.enclosures) {
      const box = this.#enclosureBox(enclosure, x + G.rackPadding, y);
      this.enclosures.push(box);
      y += box.height + G.enclosureGap;
    }
    const bayCounts = group.enclosures.map((enclosure) => enclosure.bayCount);
    const rack: RackBox = {
      id: group.rack.id,
      name: group.rack.name,
      x,
      y: top,
      width: rackWidth(this.#columns),
      height: rackHeight(bayCounts, this.#columns),
      enclosureStart,
      enclosureEnd: this.enclosures.length,
    };
    this.racks.push(rack);
    return rack;
  }

  #enclosureBox(enclosure: Enclosure, x: number, y: number): EnclosureBox {
    const columns = this.#columns;
    return {
      id: enclosure.id,
      name: enclosure.name,
      rackId: enclosure.rack,
      offline: enclosure.state === 'offline',
      bayCount: enclosure.bayCount,
      x,
      y,
      width: enclosureWidth(columns),
      height: enclosureHeight(enclosure.bayCount, columns),
      gridX: x + G.enclosurePadding,
      gridY: y + G.enclosureHeader,
      columns,
      rows: Math.ceil(enclosure.bayCount / columns),
    };
  }
}
