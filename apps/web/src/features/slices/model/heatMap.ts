/** How full an SSD is, for the heat map: unused, a quarter band of sliced use, or held whole. */
export type HeatBand = 'unused' | 'q1' | 'q2' | 'q3' | 'q4' | 'whole';

/** One band's legend entry; `fill` is the share of the cell drawn filled, so bands differ by shape too. */
export interface HeatBandInfo {
  readonly band: HeatBand;
  readonly label: string;
  readonly fill: number;
}

/** Bands in legend order. The fill level repeats the colour's message for those who cannot tell colours apart. */
export const HEAT_BANDS: readonly HeatBandInfo[] = [
  { band: 'unused', label: 'Not sliced, free', fill: 0 },
  { band: 'q1', label: 'Sliced 1–25%', fill: 0.25 },
  { band: 'q2', label: 'Sliced 26–50%', fill: 0.5 },
  { band: 'q3', label: 'Sliced 51–75%', fill: 0.75 },
  { band: 'q4', label: 'Sliced 76–100%', fill: 1 },
  { band: 'whole', label: 'Held whole by a volume', fill: 1 },
];

/** One cell per SSD. */
export interface HeatCell {
  readonly id: string;
  readonly band: HeatBand;
  /** Failed, offline or in an offline enclosure: its free space cannot be allocated. */
  readonly unusable: boolean;
  /** What hovering says: "drv-x · 45% sliced · 3 slices · health ok". */
  readonly label: string;
}

/** The band of an SSD from the share its slices hold (0..1), or whole when a volume holds it whole. */
export function heatBand(usedShare: number, heldWhole: boolean): HeatBand {
  if (heldWhole) return 'whole';
  if (usedShare <= 0) return 'unused';
  // Banded on the rounded percent, so "25%" in a hover never sits in the "26–50%" band.
  const shown = Math.round(usedShare * 100);
  if (shown <= 25) return 'q1';
  if (shown <= 50) return 'q2';
  if (shown <= 75) return 'q3';
  return 'q4';
}

/** Cells per band, and the unusable ones: the heat map's text alternative. */
export interface HeatCounts {
  readonly bands: Readonly<Record<HeatBand, number>>;
  readonly unusable: number;
}

export function heatCounts(cells: readonly HeatCell[]): HeatCounts {
  const bands: Record<HeatBand, number> = { unused: 0, q1: 0, q2: 0, q3: 0, q4: 0, whole: 0 };
  let unusable = 0;
  for (const cell of cells) {
    bands[cell.band] += 1;
    if (cell.unusable) unusable += 1;
  }
  return { bands, unusable };
}

/** Where the cells sit: `pitch` px per cell including a `gap`, row by row. */
export interface HeatGrid {
  readonly pitch: number;
  readonly gap: number;
  readonly columns: number;
  readonly rows: number;
  readonly height: number;
}

const MIN_PITCH = 4;
const MAX_PITCH = 16;

/**
 * The largest cells that fit `count` SSDs into `width` x `maxHeight` (a few hundred SSDs get big
 * cells; 10,000 get 5 px ones rather than a map taller than the screen), never under 4 px.
 */
export function heatGrid(count: number, width: number, maxHeight: number): HeatGrid {
  const fit = Math.floor(Math.sqrt((width * maxHeight) / Math.max(1, count)));
  let pitch = Math.min(MAX_PITCH, Math.max(MIN_PITCH, fit));
  let columns = Math.max(1, Math.floor(width / pitch));
  // The square-root estimate ignores partly filled rows; shrink until the map really fits.
  while (pitch > MIN_PITCH && Math.ceil(count / columns) * pitch > maxHeight) {
    pitch -= 1;
    columns = Math.max(1, Math.floor(width / pitch));
  }
  const rows = Math.ceil(count / columns);
  return { pitch, gap: pitch >= 8 ? 2 : 1, columns, rows, height: Math.max(pitch, rows * pitch) };
}

/** The index of the cell under (x, y) px from the map's corner (a gap counts as its cell), or null past the cells. */
export function cellIndexAt(grid: HeatGrid, count: number, x: number, y: number): number | null {
  if (x < 0 || y < 0) return null;
  const column = Math.floor(x / grid.pitch);
  const row = Math.floor(y / grid.pitch);
  if (column >= grid.columns) return null;
  const index = row * grid.columns + column;
  return index < count ? index : null;
}

/**
 * Where the keyboard cursor goes in a grid of `count` cells, `columns` wide: arrows move by one cell
 * or one row, Home/End to the first/last cell, PageUp/PageDown by ten rows. Null for other keys.
 */
export function moveHeatCursor(index: number, key: string, columns: number, count: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'PageDown':
      return clamp(index + 10 * columns);
    case 'PageUp':
      return clamp(index - 10 * columns);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
