import { describe, expect, it } from 'vitest';
import { cellIndexAt, type HeatCell, heatBand, heatCounts, heatGrid, moveHeatCursor } from './heatMap';

describe('heatBand', () => {
  it('bands sliced use by quarter, on the percent a hover shows', () => {
    expect([0, 0.004, 0.25, 0.254, 0.256, 0.5, 0.75, 0.76, 1].map((s) => heatBand(s, false))).toEqual([
      'unused',
      'q1',
      'q1',
      'q1',
      'q2',
      'q2',
      'q3',
      'q4',
      'q4',
    ]);
  });

  it('puts an SSD held whole in its own band, whatever its slices', () => {
    expect(heatBand(0, true)).toBe('whole');
  });
});

describe('heatCounts', () => {
  it('counts cells per band and the unusable ones apart', () => {
    const cell = (band: HeatCell['band'], unusable = false): HeatCell => ({
      id: band,
      band,
      unusable,
      label: '',
    });
    const counts = heatCounts([cell('q1'), cell('q1', true), cell('whole'), cell('unused', true)]);
    expect(counts.bands).toEqual({ unused: 1, q1: 2, q2: 0, q3: 0, q4: 0, whole: 1 });
    expect(counts.unusable).toBe(2);
  });
});

describe('heatGrid', () => {
  it('gives a small site big cells in one row', () => {
    expect(heatGrid(93, 1340, 220)).toMatchObject({ pitch: 16, columns: 83, rows: 2, height: 32 });
  });

  it('fits 12,500 SSDs under the height limit with cells of at least 4 px', () => {
    const grid = heatGrid(12_500, 1340, 220);
    expect(grid.height).toBeLessThanOrEqual(220);
    expect(grid.pitch).toBeGreaterThanOrEqual(4);
    expect(grid.columns * grid.rows).toBeGreaterThanOrEqual(12_500);
  });

  it('grows past the height limit only when 4 px cells do not fit', () => {
    const grid = heatGrid(100_000, 400, 100);
    expect(grid).toMatchObject({ pitch: 4, columns: 100, rows: 1000 });
  });
});

describe('cellIndexAt', () => {
  const grid = heatGrid(10, 40, 100);

  it('finds the cell under the pointer row by row', () => {
    expect(grid).toMatchObject({ pitch: 16, columns: 2 });
    expect(cellIndexAt(grid, 10, 1, 1)).toBe(0);
    expect(cellIndexAt(grid, 10, 17, 33)).toBe(5);
  });

  it('finds nothing past the last cell or outside the columns', () => {
    expect(cellIndexAt(grid, 10, 17, 16 * 5 + 1)).toBeNull();
    expect(cellIndexAt(grid, 10, 33, 1)).toBeNull();
    expect(cellIndexAt(grid, 10, -1, 1)).toBeNull();
  });
});

describe('the keyboard cursor on the heat map', () => {
  it('moves by cell and by row, stays inside the grid, and ignores other keys', () => {
    // 10 cells, 4 columns: rows 0-3, 4-7, 8-9.
    expect(moveHeatCursor(0, 'ArrowRight', 4, 10)).toBe(1);
    expect(moveHeatCursor(0, 'ArrowLeft', 4, 10)).toBe(0);
    expect(moveHeatCursor(1, 'ArrowDown', 4, 10)).toBe(5);
    expect(moveHeatCursor(7, 'ArrowDown', 4, 10)).toBe(7);
    expect(moveHeatCursor(5, 'ArrowUp', 4, 10)).toBe(1);
    expect(moveHeatCursor(2, 'ArrowUp', 4, 10)).toBe(2);
    expect(moveHeatCursor(9, 'ArrowRight', 4, 10)).toBe(9);
    expect(moveHeatCursor(3, 'End', 4, 10)).toBe(9);
    expect(moveHeatCursor(3, 'Home', 4, 10)).toBe(0);
    expect(moveHeatCursor(0, 'PageDown', 4, 10)).toBe(9);
    expect(moveHeatCursor(3, 'a', 4, 10)).toBeNull();
    expect(moveHeatCursor(0, 'ArrowRight', 4, 0)).toBeNull();
  });
});
