import type { Size } from './boxSizes';
import { GEOMETRY as G } from './geometry';

/** Where lines go when dealt into columns, reading left to right, then top to bottom. */
export interface LineGrid {
  readonly columns: number;
  /** Top-left of each line, in the order given. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Top and height of each strip: the lines side by side at one height. */
  readonly stripY: readonly number[];
  readonly stripHeight: readonly number[];
  readonly width: number;
  readonly height: number;
}

/**
 * Deals lines into `columns` columns: line i goes to column i % columns of strip
 * floor(i / columns). A column is as wide as its widest line, a strip as tall as its tallest,
 * so columns and strips line up like aisles on the floor.
 */
export function lineGrid(sizes: readonly Size[], columns: number): LineGrid {
  const count = Math.max(1, Math.min(columns, sizes.length));
  const widths = new Array<number>(count).fill(0);
  const stripHeight = new Array<number>(Math.ceil(sizes.length / count)).fill(0);
  sizes.forEach((size, i) => {
    const column = i % count;
    const strip = Math.floor(i / count);
    widths[column] = Math.max(widths[column] ?? 0, size.width);
    stripHeight[strip] = Math.max(stripHeight[strip] ?? 0, size.height);
  });
  const columnX = offsets(widths, G.columnGap);
  const stripY = offsets(stripHeight, G.rowGap);
  return {
    columns: count,
    x: sizes.map((_, i) => columnX[i % count] ?? 0),
    y: sizes.map((_, i) => stripY[Math.floor(i / count)] ?? 0),
    stripY,
    stripHeight,
    width: total(widths, G.columnGap),
    height: total(stripHeight, G.rowGap),
  };
}

/**
 * How many columns of lines make the drawing's aspect ratio (width / height) closest to
 * `aspectRatio`, the screen's, so Fit shows the whole site as large as it can. Closeness is
 * measured as a ratio (twice too wide is as far off as twice too tall), and fewer columns win
 * unless more are clearly closer: a site that already fits keeps one row per line.
 */
export function chooseColumns(sizes: readonly Size[], aspectRatio: number): number {
  if (!(aspectRatio > 0) || sizes.length < 2) return 1;
  const distances: number[] = [];
  let best = Number.POSITIVE_INFINITY;
  for (let columns = 1; columns <= sizes.length; columns++) {
    const grid = lineGrid(sizes, columns);
    if (grid.width <= 0 || grid.height <= 0) return 1;
    const aspect = grid.width / grid.height;
    const distance = Math.abs(Math.log(aspect / aspectRatio));
    // Past the screen's shape, more columns only widen the drawing further.
    if (aspect > aspectRatio && distance >= best) break;
    distances.push(distance);
    best = Math.min(best, distance);
  }
  return distances.findIndex((distance) => distance <= best + CLEARLY_CLOSER) + 1;
}

/** How much closer (as a log ratio, ~20%) more columns must be to be chosen over fewer. */
const CLEARLY_CLOSER = Math.log(1.2);

function offsets(lengths: readonly number[], gap: number): number[] {
  let at = 0;
  return lengths.map((length) => {
    const start = at;
    at += length + gap;
    return start;
  });
}

function total(lengths: readonly number[], gap: number): number {
  if (lengths.length === 0) return 0;
  return lengths.reduce((sum, length) => sum + length, 0) + (lengths.length - 1) * gap;
}
