import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/testing/generateSite';
import type { Size } from './boxSizes';
import { GEOMETRY as G } from './geometry';
import { chooseColumns, lineGrid } from './lineGrid';

const line = (width: number, height: number): Size => ({ width, height });

function closeness(sizes: readonly Size[], columns: number, aspectRatio: number): number {
  const grid = lineGrid(sizes, columns);
  return Math.abs(Math.log(grid.width / grid.height / aspectRatio));
}

describe('lineGrid', () => {
  it('stacks lines in one column', () => {
    const grid = lineGrid([line(100, 50), line(80, 30)], 1);
    expect(grid).toMatchObject({ columns: 1, x: [0, 0], y: [0, 50 + G.rowGap], width: 100 });
    expect(grid.height).toBe(80 + G.rowGap);
  });

  it('deals lines left to right, then top to bottom, aligning columns and strips', () => {
    const grid = lineGrid([line(100, 50), line(80, 70), line(120, 20), line(60, 10), line(90, 40)], 2);
    expect(grid.x).toEqual([0, 120 + G.columnGap, 0, 120 + G.columnGap, 0]);
    expect(grid.stripHeight).toEqual([70, 20, 40]);
    expect(grid.y).toEqual([0, 0, 70 + G.rowGap, 70 + G.rowGap, 90 + 2 * G.rowGap]);
    expect(grid.width).toBe(120 + G.columnGap + 80);
    expect(grid.height).toBe(130 + 2 * G.rowGap);
  });

  it('uses no more columns than there are lines', () => {
    expect(lineGrid([line(10, 10)], 5).columns).toBe(1);
    expect(lineGrid([], 3)).toMatchObject({ width: 0, height: 0, stripY: [] });
  });
});

describe('chooseColumns', () => {
  it('picks the column count whose shape is closest to the screen', () => {
    const rows = Array.from({ length: 24 }, () => line(1500, 800));
    const chosen = chooseColumns(rows, 2);
    expect(chosen).toBe(5);
    for (let columns = 1; columns <= 24; columns++)
      expect(closeness(rows, chosen, 2)).toBeLessThanOrEqual(closeness(rows, columns, 2));
  });

  it('follows the screen: tall screens get fewer columns than wide ones', () => {
    const rows = Array.from({ length: 24 }, () => line(1500, 800));
    expect(chooseColumns(rows, 0.5)).toBeLessThan(chooseColumns(rows, 2));
    expect(chooseColumns(rows, 0.05)).toBe(1);
    expect(chooseColumns(rows, 100)).toBe(24);
  });

  it('keeps one column when two are hardly closer to the screen', () => {
    const rows = [line(500, 230), line(500, 230)];
    // One column: 500 x 488 (~1.0); two: 1048 x 230 (~4.6); the screen (2.2) is about as far from both.
    expect(chooseColumns(rows, 2.2)).toBe(1);
  });

  it('is never much further from the screen than the best column count, for uneven rows', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
        line(200 + random() * 3000, 100 + random() * 1200),
      );
      const aspectRatio = 0.3 + random() * 3;
      const chosen = chooseColumns(rows, aspectRatio);
      const best = Math.min(...rows.map((_, i) => closeness(rows, i + 1, aspectRatio)));
      expect(closeness(rows, chosen, aspectRatio)).toBeLessThanOrEqual(best + Math.log(1.5));
    }
  });

  it('lays out without columns when it has no screen shape to match', () => {
    expect(chooseColumns([line(10, 10), line(10, 10)], Number.NaN)).toBe(1);
    expect(chooseColumns([line(10, 10), line(10, 10)], 0)).toBe(1);
  });
});
