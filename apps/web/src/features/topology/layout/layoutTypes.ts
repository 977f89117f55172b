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

/** Where everything is drawn. Depends on racks and enclosures only, not on drive health. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** Lines sorted by y. */
  readonly lines: readonly RackLine[];
  readonly racks: readonly RackBox[];
  readonly enclosures: readonly EnclosureBox[];
  /** Enclosure id -> index in `enclosures`. */
  readonly enclosureIndex: ReadonlyMap<string, number>;
}

/** Knobs for `layoutTopology`. */
export interface LayoutOptions {
  /** Bays per grid row in every enclosure. */
  readonly bayColumns: number;
  /** A row with more racks than this wraps onto further lines. */
  readonly maxRacksPerLine: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = { bayColumns: 12, maxRacksPerLine: 30 };
