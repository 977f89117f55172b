import { type KeyboardEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTheme } from '../../../shared/theme/useTheme';
import { cellIndexAt, type HeatCell, heatGrid, moveHeatCursor } from '../model/heatMap';
import { drawHeatMap, readHeatPalette } from './drawHeatMap';

/** Room round the cells for the selection frame. */
const PAD = 3;
/** A whole site fits in about a quarter of a laptop screen, leaving room for the slice bar. */
const MAX_HEIGHT = 220;

interface SsdHeatMapProps {
  cells: readonly HeatCell[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every SSD of the site on one canvas: 10,000 cells are one draw, not 10,000 DOM nodes. */
export function SsdHeatMap({ cells, selectedId, onSelect }: SsdHeatMapProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const [hoverIndex, setHoverIndex] = useState<number | null>(null);
  const theme = useTheme();
  const grid = useMemo(() => heatGrid(cells.length, width - 2 * PAD, MAX_HEIGHT), [cells.length, width]);
  const selectedIndex = useMemo(() => cells.findIndex((c) => c.id === selectedId), [cells, selectedId]);
  const drawWidth = grid.columns * grid.pitch + 2 * PAD;
  const drawHeight = grid.height + 2 * PAD;

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 800));
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a theme switch changes the CSS variables the palette is read from.
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.canvas.width = Math.round(drawWidth * dpr);
    ctx.canvas.height = Math.round(drawHeight * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, PAD * dpr, PAD * dpr);
    ctx.clearRect(-PAD, -PAD, drawWidth, drawHeight);
    drawHeatMap(ctx, grid, cells, readHeatPalette(ctx.canvas), selectedIndex);
  }, [cells, grid, drawWidth, drawHeight, selectedIndex, theme]);

  const indexAt = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return cellIndexAt(grid, cells.length, event.clientX - box.left - PAD, event.clientY - box.top - PAD);
  };
  const handleClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const index = indexAt(event);
    const cell = index === null ? undefined : cells[index];
    if (cell) onSelect(cell.id);
  };
  // The keyboard moves the same marker the mouse does; Enter or Space shows that SSD's slices.
  const handleKey = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const from = hoverIndex ?? Math.max(0, selectedIndex);
    if (event.key === 'Enter' || event.key === ' ') {
      const cell = cells[from];
      if (cell) onSelect(cell.id);
      event.preventDefault();
      return;
    }
    const next = moveHeatCursor(from, event.key, grid.columns, cells.length);
    if (next === null) return;
    event.preventDefault();
    setHoverIndex(next);
  };
  const hovered = hoverIndex === null ? undefined : cells[hoverIndex];
  const selected = selectedIndex < 0 ? undefined : cells[selectedIndex];

  return (
    <div className="heat-map" ref={wrapRef}>
      <div className="heat-map-canvas">
        {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes arrow keys itself, which is what role="application" tells assistive technology. */}
        <canvas
          ref={canvasRef}
          role="application"
          tabIndex={0}
          aria-label={`Heat map of ${cells.length.toLocaleString('en')} SSDs by sliced share: arrow keys move between SSDs, Enter shows the slices of one; the legend counts each band and the table lists the sliced SSDs`}
          aria-describedby="heat-map-hover"
          onKeyDown={handleKey}
          onBlur={() => setHoverIndex(null)}
          style={{ width: drawWidth, height: drawHeight, cursor: hovered ? 'pointer' : 'default' }}
          onMouseMove={(event) => setHoverIndex(indexAt(event))}
          onMouseLeave={() => setHoverIndex(null)}
          onClick={handleClick}
        />
        {hoverIndex !== null && (
          <span
            className="heat-map-hover-box"
            aria-hidden="true"
            style={{
              left: (hoverIndex % grid.columns) * grid.pitch + PAD - 1,
              top: Math.floor(hoverIndex / grid.columns) * grid.pitch + PAD - 1,
              width: grid.pitch - grid.gap + 2,
              height: grid.pitch - grid.gap + 2,
            }}
          />
        )}
      </div>
      <p className="heat-map-hover" id="heat-map-hover" data-testid="heat-map-hover" aria-live="polite">
        {hovered
          ? hovered.label
          : selected
            ? `Selected: ${selected.label}`
            : 'Point at an SSD (or focus the map and use the arrow keys) to see its use; click it or press Enter to show its slices.'}
      </p>
    </div>
  );
}
