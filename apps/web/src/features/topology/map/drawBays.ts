import type { DriveHealth } from '@drivebay/api-types';
import { BAY_PITCH, GEOMETRY } from '../layout/geometry';
import type { TopologyLayout } from '../layout/layoutTypes';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';
import type { LevelOfDetail } from './levelOfDetail';
import type { CanvasPalette } from './palette';

/** A failed or degraded drive to mark at a fixed screen size when cells are tiny (world centre). */
export interface Beacon {
  readonly x: number;
  readonly y: number;
  readonly health: 'failed' | 'degraded';
}

const S = GEOMETRY.baySize;
// Worst last, so a bay claimed twice mid-replacement shows the worse state.
const FILL_ORDER: readonly (DriveHealth | 'empty')[] = ['empty', 'ok', 'offline', 'degraded', 'failed'];
const occupied = new Uint8Array(1024);

/**
 * Draws the bay cells of the visible enclosures in world space: one path per colour, so a
 * frame costs a handful of fills however many drives are in view. Returns the beacons.
 */
export function drawBays(
  ctx: CanvasRenderingContext2D,
  model: TopologyModel,
  layout: TopologyLayout,
  visible: readonly number[],
  palette: CanvasPalette,
  lod: LevelOfDetail,
): Beacon[] {
  const cells = {
    empty: new Path2D(),
    ok: new Path2D(),
    degraded: new Path2D(),
    failed: new Path2D(),
    offline: new Path2D(),
  };
  const crosses = new Path2D();
  const dots = new Path2D();
  const dashes = new Path2D();
  const beacons: Beacon[] = [];
  for (const index of visible) {
    const box = layout.enclosures[index];
    if (!box) continue;
    occupied.fill(0, 0, box.bayCount);
    for (const slot of enclosureSlots(model, box.id)) {
      const drive = model.drives[slot];
      if (!drive || drive.bay >= box.bayCount) continue;
      occupied[drive.bay] = 1;
      const x = box.gridX + (drive.bay % box.columns) * BAY_PITCH;
      const y = box.gridY + Math.floor(drive.bay / box.columns) * BAY_PITCH;
      cells[drive.health].rect(x, y, S, S);
      if (drive.health === 'ok') continue;
      if (lod.cellMarkers) addMarker(drive.health, x, y, crosses, dots, dashes);
      else if (lod.beacons && drive.health !== 'offline')
        beacons.push({ x: x + S / 2, y: y + S / 2, health: drive.health });
    }
    for (let bay = 0; bay < box.bayCount; bay++) {
      if (occupied[bay]) continue;
      cells.empty.rect(
        box.gridX + (bay % box.columns) * BAY_PITCH,
        box.gridY + Math.floor(bay / box.columns) * BAY_PITCH,
        S,
        S,
      );
    }
  }
  for (const kind of FILL_ORDER) {
    ctx.fillStyle = kind === 'empty' ? palette.empty : palette.health[kind];
    ctx.fill(cells[kind]);
  }
  if (lod.cellMarkers) drawMarkers(ctx, palette, crosses, dots, dashes);
  return beacons;
}

function addMarker(
  health: DriveHealth,
  x: number,
  y: number,
  crosses: Path2D,
  dots: Path2D,
  dashes: Path2D,
): void {
  if (health === 'failed') {
    crosses.moveTo(x + 2.2, y + 2.2);
    crosses.lineTo(x + S - 2.2, y + S - 2.2);
    crosses.moveTo(x + S - 2.2, y + 2.2);
    crosses.lineTo(x + 2.2, y + S - 2.2);
  } else if (health === 'degraded') {
    dots.moveTo(x + S / 2 + 2.2, y + S / 2);
    dots.arc(x + S / 2, y + S / 2, 2.2, 0, Math.PI * 2);
  } else {
    dashes.moveTo(x + 2.2, y + S / 2);
    dashes.lineTo(x + S - 2.2, y + S / 2);
  }
}

function drawMarkers(
  ctx: CanvasRenderingContext2D,
  palette: CanvasPalette,
  crosses: Path2D,
  dots: Path2D,
  dashes: Path2D,
): void {
  ctx.strokeStyle = palette.markerInk;
  ctx.fillStyle = palette.markerInk;
  ctx.lineWidth = 1.7;
  ctx.lineCap = 'round';
  ctx.stroke(crosses);
  ctx.stroke(dashes);
  ctx.fill(dots);
}
