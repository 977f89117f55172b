import type { DriveHealth } from '@drivebay/api-types';
import { BAY_PITCH, GEOMETRY } from '../layout/geometry';
import type { EnclosureBox } from '../layout/layoutTypes';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';
import type { CanvasPalette } from './palette';

const S = GEOMETRY.baySize;
const INSET = 2.2;
// Worst last, so a bay claimed twice mid-replacement shows the worse state.
const FILL_ORDER: readonly (DriveHealth | 'empty')[] = ['empty', 'ok', 'offline', 'degraded', 'failed'];
const occupied = new Uint8Array(1024);

/**
 * Paints one enclosure's bay grid with bay 0 at (x, y), in world units: one path per
 * colour, plus an X (failed), dot (degraded) or dash (offline) when `markers` is set.
 */
export function paintBays(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  model: TopologyModel,
  box: EnclosureBox,
  x: number,
  y: number,
  palette: CanvasPalette,
  markers: boolean,
): void {
  const cells = {
    empty: new Path2D(),
    ok: new Path2D(),
    degraded: new Path2D(),
    failed: new Path2D(),
    offline: new Path2D(),
  };
  const byColour = new Map<string, Path2D>();
  const crosses = new Path2D();
  const dots = new Path2D();
  const dashes = new Path2D();
  occupied.fill(0, 0, box.bayCount);
  for (const slot of enclosureSlots(model, box.id)) {
    const drive = model.drives[slot];
    if (!drive || drive.bay >= box.bayCount) continue;
    occupied[drive.bay] = 1;
    const cx = x + (drive.bay % box.columns) * BAY_PITCH;
    const cy = y + Math.floor(drive.bay / box.columns) * BAY_PITCH;
    if (palette.colouring) addCell(byColour, palette.colouring.colourOf(drive), cx, cy);
    else cells[drive.health].rect(cx, cy, S, S);
    if (!markers) continue;
    if (drive.health === 'failed') addCross(crosses, cx, cy);
    else if (drive.health === 'degraded') addDot(dots, cx, cy);
    else if (drive.health === 'offline') addDash(dashes, cx, cy);
  }
  for (let bay = 0; bay < box.bayCount; bay++) {
    if (occupied[bay]) continue;
    cells.empty.rect(
      x + (bay % box.columns) * BAY_PITCH,
      y + Math.floor(bay / box.columns) * BAY_PITCH,
      S,
      S,
    );
  }
  for (const kind of FILL_ORDER) {
    ctx.fillStyle = kind === 'empty' ? palette.empty : palette.health[kind];
    ctx.fill(cells[kind]);
  }
  for (const [colour, path] of byColour) {
    ctx.fillStyle = colour;
    ctx.fill(path);
  }
  if (!markers) return;
  ctx.strokeStyle = palette.markerInk;
  ctx.fillStyle = palette.markerInk;
  ctx.lineWidth = 1.7;
  ctx.lineCap = 'round';
  ctx.stroke(crosses);
  ctx.stroke(dashes);
  ctx.fill(dots);
}

function addCell(paths: Map<string, Path2D>, colour: string, x: number, y: number): void {
  let path = paths.get(colour);
  if (!path) {
    path = new Path2D();
    paths.set(colour, path);
  }
  path.rect(x, y, S, S);
}

function addCross(path: Path2D, x: number, y: number): void {
  path.moveTo(x + INSET, y + INSET);
  path.lineTo(x + S - INSET, y + S - INSET);
  path.moveTo(x + S - INSET, y + INSET);
  path.lineTo(x + INSET, y + S - INSET);
}

function addDot(path: Path2D, x: number, y: number): void {
  path.moveTo(x + S / 2 + INSET, y + S / 2);
  path.arc(x + S / 2, y + S / 2, INSET, 0, Math.PI * 2);
}

function addDash(path: Path2D, x: number, y: number): void {
  path.moveTo(x + INSET, y + S / 2);
  path.lineTo(x + S - INSET, y + S / 2);
}
