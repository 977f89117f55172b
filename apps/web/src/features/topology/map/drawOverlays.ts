import type { Rect } from '../layout/geometry';
import type { EnclosureBox, TopologyLayout } from '../layout/layoutTypes';
import type { Beacon } from './drawBays';
import { FONT_FAMILY } from './drawFrames';
import type { CanvasPalette } from './palette';

type ToScreen = (x: number, y: number) => { x: number; y: number };

/** Screen rectangle of a world rectangle. */
function screenRect(rect: Rect, toScreen: ToScreen): Rect {
  const a = toScreen(rect.x, rect.y);
  const b = toScreen(rect.x + rect.width, rect.y + rect.height);
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** Offline enclosures: veiled, hatched, dashed frame and an OFFLINE label (screen space). */
export function drawOfflineEnclosures(
  ctx: CanvasRenderingContext2D,
  layout: TopologyLayout,
  visible: readonly number[],
  palette: CanvasPalette,
  toScreen: ToScreen,
): void {
  for (const index of visible) {
    const box = layout.enclosures[index];
    if (box?.offline) drawOffline(ctx, screenRect(box, toScreen), palette);
  }
}

function drawOffline(ctx: CanvasRenderingContext2D, r: Rect, palette: CanvasPalette): void {
  ctx.save();
  ctx.fillStyle = palette.offlineVeil;
  ctx.fillRect(r.x, r.y, r.width, r.height);
  ctx.beginPath();
  ctx.rect(r.x, r.y, r.width, r.height);
  ctx.clip();
  ctx.beginPath();
  const step = 7;
  for (let d = -r.height; d < r.width; d += step) {
    ctx.moveTo(r.x + d, r.y + r.height);
    ctx.lineTo(r.x + d + r.height, r.y);
  }
  ctx.strokeStyle = palette.hatch;
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.restore();
  ctx.setLineDash([5, 3]);
  ctx.strokeStyle = palette.health.offline;
  ctx.lineWidth = 2;
  ctx.strokeRect(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
  ctx.setLineDash([]);
  const size = Math.min(16, r.height * 0.3, r.width / 5);
  if (size < 8) return;
  ctx.font = `800 ${size}px ${FONT_FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const width = ctx.measureText('OFFLINE').width;
  ctx.fillStyle = palette.background;
  ctx.fillRect(cx - width / 2 - 5, cy - size * 0.7, width + 10, size * 1.4);
  ctx.fillStyle = palette.text;
  ctx.fillText('OFFLINE', cx, cy);
}

/** Fixed-size marks for failed (diamond) and degraded (circle) drives when cells are tiny. */
export function drawBeacons(
  ctx: CanvasRenderingContext2D,
  beacons: readonly Beacon[],
  palette: CanvasPalette,
  toScreen: ToScreen,
): void {
  const diamonds = new Path2D();
  const circles = new Path2D();
  for (const beacon of beacons) {
    const { x, y } = toScreen(beacon.x, beacon.y);
    if (beacon.health === 'failed') {
      diamonds.moveTo(x, y - 7);
      diamonds.lineTo(x + 7, y);
      diamonds.lineTo(x, y + 7);
      diamonds.lineTo(x - 7, y);
      diamonds.closePath();
    } else {
      circles.moveTo(x + 4.5, y);
      circles.arc(x, y, 4.5, 0, Math.PI * 2);
    }
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = palette.markerInk;
  ctx.fillStyle = palette.health.degraded;
  ctx.fill(circles);
  ctx.stroke(circles);
  ctx.strokeStyle = palette.text;
  ctx.fillStyle = palette.health.failed;
  ctx.fill(diamonds);
  ctx.stroke(diamonds);
}

/** Outlines a bay cell (hover or selection); selection also gets a ring visible when zoomed out. */
export function drawCellHighlight(
  ctx: CanvasRenderingContext2D,
  cell: Rect,
  colour: string,
  kind: 'hover' | 'selected',
  toScreen: ToScreen,
  background: string,
): void {
  const r = screenRect(cell, toScreen);
  ctx.lineWidth = kind === 'selected' ? 2.5 : 1.5;
  if (kind === 'selected') {
    const radius = Math.max(12, r.width);
    ctx.beginPath();
    ctx.arc(r.x + r.width / 2, r.y + r.height / 2, radius, 0, Math.PI * 2);
    ctx.strokeStyle = background;
    ctx.lineWidth = 5;
    ctx.stroke();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }
  ctx.strokeStyle = colour;
  ctx.strokeRect(r.x - 1.5, r.y - 1.5, r.width + 3, r.height + 3);
}

/**
 * A lit locate LED's bay: a wide amber ring outside the selection's, so a bay both selected and
 * lit shows both, and a lit bay is found zoomed out.
 */
export function drawLocateRing(
  ctx: CanvasRenderingContext2D,
  cell: Rect,
  colour: string,
  toScreen: ToScreen,
  background: string,
): void {
  const r = screenRect(cell, toScreen);
  const radius = Math.max(18, r.width * 1.5);
  ctx.beginPath();
  ctx.arc(r.x + r.width / 2, r.y + r.height / 2, radius, 0, Math.PI * 2);
  ctx.strokeStyle = background;
  ctx.lineWidth = 6;
  ctx.stroke();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3.5;
  ctx.stroke();
}

/** Outlines an enclosure under the pointer. */
export function drawEnclosureHighlight(
  ctx: CanvasRenderingContext2D,
  box: EnclosureBox,
  colour: string,
  toScreen: ToScreen,
  lineWidth = 1.5,
): void {
  const r = screenRect(box, toScreen);
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = colour;
  ctx.strokeRect(r.x, r.y, r.width, r.height);
}
