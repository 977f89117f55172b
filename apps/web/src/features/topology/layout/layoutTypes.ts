import type { Rect } from './geometry';

/** One enclosure's box and its bay grid, in world units. */
export interface EnclosureBox extends Rect {
  readonly id: string;
  readonly name: string;
  readonly rackId: string;
  readonly offline: boolean;
  readonly bayCount: number;
  /** Top-left of bay 0. */
  readonly gridX: number;
  readonly gridY: number;
  /** Bays per grid row; bay n sits at column n % columns, row floor(n / columns). */
  readonly columns: number;
  readonly rows: number;
}

/** One rack's box; its enclosures are `layout.enclosures[enclosureStart..enclosureEnd)`. */
export interface RackBox extends Rect {
  readonly id: string;
  readonly name: string;
  readonly enclosureStart: number;
  readonly enclosureEnd: number;
}

/** One line of racks (a data-centre row, or part of a long one); racks are sorted by x. */
export interface RackLine extends Rect {
  readonly label: string;
  readonly rackStart: number;
  readonly rackEnd: number;
}

/** A horizontal strip of the drawing: lines side by side, one per column; its lines are sorted by x. */
export interface LineStrip extends Rect {
  readonly lineStart: number;
  readonly lineEnd: number;
}

/** Where everything is drawn. Depends on racks and enclosures only, not on drive health. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** How many columns data-centre rows are dealt into. */
  readonly columns: number;
  /** Strips sorted by y; each holds `lines[lineStart..lineEnd)`. */
  readonly strips: readonly LineStrip[];
  /** Lines in reading order: left to right within a strip, strips top to bottom. */
  readonly lines: readonly RackLine[];
  readonly racks: readonly RackBox[];
  readonly enclosures: readonly EnclosureBox[];
  /** Enclosure id -> index in `enclosures`. */
  readonly enclosureIndex: ReadonlyMap<string, number>;
  /** Racks left out because they hold no enclosures (servers only). */
  readonly racksWithoutEnclosures: number;
}

/** Knobs for `layoutTopology`. */
export interface LayoutOptions {
  /** Bays per grid row in every enclosure. */
  readonly bayColumns: number;
  /** A row with more racks than this wraps onto further lines. */
  readonly maxRacksPerLine: number;
  /**
   * Width / height of the screen the map is fitted to. When given, rows are dealt into as many
   * columns as bring the drawing closest to that shape; without it, one row per line.
   */
  readonly aspectRatio?: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { bayColumns: 12, maxRacksPerLine: 30 };
