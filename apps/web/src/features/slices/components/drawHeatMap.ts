import { HEAT_BANDS, type HeatBand, type HeatCell, type HeatGrid } from '../model/heatMap';

/** The heat map's colours, read from the theme's CSS variables (see slices.css). */
export interface HeatPalette {
  readonly empty: string;
  readonly outline: string;
  readonly bands: Readonly<Record<HeatBand, string>>;
  readonly unusable: string;
  readonly select: string;
}

export function readHeatPalette(element: Element): HeatPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const empty = read('--slices-heat-empty', '#1f2732');
  return {
    empty,
    outline: read('--slices-heat-outline', '#323d4b'),
    bands: {
      unused: empty,
      q1: read('--slices-heat-q1', '#1d4f7a'),
      q2: read('--slices-heat-q2', '#2e78b7'),
      q3: read('--slices-heat-q3', '#52a6e8'),
      q4: read('--slices-heat-q4', '#a6d8ff'),
      whole: read('--slices-heat-whole', '#c39bd3'),
    },
    unusable: read('--slices-unusable', '#ff4d5e'),
    select: read('--map-select', '#6cc0ff'),
  };
}

const FILL = new Map(HEAT_BANDS.map((b) => [b.band, b.fill]));

/**
 * Draws every cell: an empty square filled from the bottom as far as its band goes (so the bands
 * differ by shape, not colour alone), a ring for SSDs held whole, a slash over unusable SSDs and
 * a frame round the selected one. One pass per colour keeps 10,000 cells to a few milliseconds.
 */
export function drawHeatMap(
  ctx: CanvasRenderingContext2D,
  grid: HeatGrid,
  cells: readonly HeatCell[],
  palette: HeatPalette,
  selectedIndex: number,
): void {
  const size = grid.pitch - grid.gap;
  const at = (i: number) =>
    [(i % grid.columns) * grid.pitch, Math.floor(i / grid.columns) * grid.pitch] as const;
  ctx.fillStyle = palette.empty;
  for (let i = 0; i < cells.length; i++) ctx.fillRect(...at(i), size, size);
  for (const band of ['q1', 'q2', 'q3', 'q4', 'whole'] as const) {
    const height = Math.max(1, Math.round(size * (FILL.get(band) ?? 1)));
    ctx.fillStyle = palette.bands[band];
    cells.forEach((cell, i) => {
      if (cell.band !== band) return;
      const [x, y] = at(i);
      ctx.fillRect(x, y + size - height, size, height);
    });
  }
  if (size >= 8) {
    // The ring: a whole SSD's middle is cut out, which sets it apart from a fully sliced one.
    const hole = Math.round(size / 3);
    ctx.fillStyle = palette.empty;
    cells.forEach((cell, i) => {
      const [x, y] = at(i);
      if (cell.band === 'whole') ctx.fillRect(x + hole, y + hole, size - 2 * hole, size - 2 * hole);
    });
  }
  if (size >= 6) {
    ctx.strokeStyle = palette.outline;
    ctx.lineWidth = 1;
    ctx.beginPath();
    cells.forEach((_, i) => {
      const [x, y] = at(i);
      ctx.rect(x + 0.5, y + 0.5, size - 1, size - 1);
    });
    ctx.stroke();
  }
  ctx.strokeStyle = palette.unusable;
  ctx.lineWidth = Math.max(1, size / 6);
  ctx.beginPath();
  cells.forEach((cell, i) => {
    if (!cell.unusable) return;
    const [x, y] = at(i);
    ctx.moveTo(x, y + size);
    ctx.lineTo(x + size, y);
  });
  ctx.stroke();
  if (selectedIndex < 0) return;
  const [x, y] = at(selectedIndex);
  ctx.strokeStyle = palette.select;
  ctx.lineWidth = 2;
  ctx.strokeRect(x - 2, y - 2, size + 4, size + 4);
}
