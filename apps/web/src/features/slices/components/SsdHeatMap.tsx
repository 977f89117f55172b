import { useEffect, useRef, useState } from 'react';

/** One cell per SSD, coloured by how much of it volumes hold. */
export interface HeatCell {
  readonly id: string;
  readonly band: 0 | 1 | 2 | 3 | 4;
  /** "drv-x · 45% used · 3 slices". */
  readonly label: string;
}

export const HEAT_BANDS = [
  { label: 'Unused', colour: '#5b6b7d' },
  { label: '1–25%', colour: '#c6dbef' },
  { label: '26–50%', colour: '#6baed6' },
  { label: '51–75%', colour: '#2b8cbe' },
  { label: '76–100%', colour: '#08589e' },
] as const;

const CELL = 10;
const GAP = 2;

interface SsdHeatMapProps {
  cells: readonly HeatCell[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Every SSD of the site on one canvas (10,000 cells are one draw, not 10,000 DOM nodes). */
export function SsdHeatMap({ cells, selectedId, onSelect }: SsdHeatMapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<HeatCell | null>(null);
  const columns = Math.max(1, Math.floor((width + GAP) / (CELL + GAP)));
  const rows = Math.ceil(cells.length / columns);
  const height = Math.max(CELL, rows * (CELL + GAP));

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? 800));
    observer.observe(canvas.parentElement ?? canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.canvas.width = Math.round(width * dpr);
    ctx.canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    cells.forEach((cell, i) => {
      const x = (i % columns) * (CELL + GAP);
      const y = Math.floor(i / columns) * (CELL + GAP);
      ctx.fillStyle = HEAT_BANDS[cell.band].colour;
      ctx.fillRect(x, y, CELL, CELL);
      if (cell.id === selectedId) {
        ctx.strokeStyle = getComputedStyle(ctx.canvas).getPropertyValue('--map-select') || '#6cc0ff';
        ctx.lineWidth = 2;
        ctx.strokeRect(x - 1.5, y - 1.5, CELL + 3, CELL + 3);
      }
    });
  }, [cells, columns, width, height, selectedId]);

  const cellAt = (event: React.MouseEvent<HTMLCanvasElement>): HeatCell | null => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.floor((event.clientX - box.left) / (CELL + GAP));
    const row = Math.floor((event.clientY - box.top) / (CELL + GAP));
    if (column < 0 || column >= columns) return null;
    return cells[row * columns + column] ?? null;
  };

  return (
    <div className="heat-map">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`Heat map of ${cells.length} SSDs by use; the table below lists the sliced ones`}
        style={{ width, height, cursor: hover ? 'pointer' : 'default' }}
        onMouseMove={(event) => setHover(cellAt(event))}
        onMouseLeave={() => setHover(null)}
        onClick={(event) => {
          const cell = cellAt(event);
          if (cell) onSelect(cell.id);
        }}
      />
      <p className="heat-map-hover" aria-live="off">
        {hover ? hover.label : 'Point at an SSD to see it; click to show its slices.'}
      </p>
    </div>
  );
}
