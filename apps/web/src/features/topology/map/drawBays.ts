import { BAY_PITCH, GEOMETRY } from '../layout/geometry';
import type { EnclosureBox, TopologyLayout } from '../layout/layoutTypes';
import { enclosureSlots, type TopologyModel } from '../model/topologyModel';
import { paintBays } from './paintBays';
import type { CanvasPalette } from './palette';
import type { SpriteCache } from './spriteCache';
import { spriteHasMarkers, spriteScaleFor } from './spriteScale';

/** A failed or degraded drive to mark at a fixed screen size when cells are tiny (world centre). */
export interface Beacon {
  readonly x: number;
  readonly y: number;
  readonly health: 'failed' | 'degraded';
}

/** How long one frame may spend painting sprites before showing stand-ins and continuing next frame. */
const PAINT_BUDGET_MS = 12;

/**
 * Draws the bay grids of the visible enclosures (world transform set): from sprites when
 * zoomed out, directly when zoomed in. Returns false if some sprites still need painting.
 */
export function drawBays(
  ctx: CanvasRenderingContext2D,
  model: TopologyModel,
  layout: TopologyLayout,
  visible: readonly number[],
  palette: CanvasPalette,
  deviceScale: number,
  sprites: SpriteCache,
): boolean {
  const scale = spriteScaleFor(deviceScale);
  if (scale === undefined) {
    const markers = spriteHasMarkers(deviceScale);
    for (const index of visible) {
      const box = layout.enclosures[index];
      if (box) paintBays(ctx, model, box, box.gridX, box.gridY, palette, markers);
    }
    return true;
  }
  const started = performance.now();
  let complete = true;
  for (const index of visible) {
    const box = layout.enclosures[index];
    if (!box) continue;
    let sprite = sprites.current(model, box, scale, palette);
    if (!sprite) {
      const standIn = sprites.fallback(model, box);
      if (standIn && performance.now() - started > PAINT_BUDGET_MS) complete = false;
      sprite = standIn && !complete ? standIn : sprites.paint(model, box, scale, palette);
    }
    drawSprite(ctx, box, sprite.image, sprite.scale);
  }
  return complete;
}

function drawSprite(
  ctx: CanvasRenderingContext2D,
  box: EnclosureBox,
  image: OffscreenCanvas,
  scale: number,
): void {
  ctx.drawImage(image, box.gridX, box.gridY, image.width / scale, image.height / scale);
}

/** Failed and degraded drives in the visible enclosures, for beacons. */
export function collectBeacons(
  model: TopologyModel,
  layout: TopologyLayout,
  visible: readonly number[],
): Beacon[] {
  const beacons: Beacon[] = [];
  const half = GEOMETRY.baySize / 2;
  for (const index of visible) {
    const box = layout.enclosures[index];
    if (!box) continue;
    for (const slot of enclosureSlots(model, box.id)) {
      const drive = model.drives[slot];
      if (!drive || drive.bay >= box.bayCount) continue;
      if (drive.health !== 'failed' && drive.health !== 'degraded') continue;
      beacons.push({
        x: box.gridX + (drive.bay % box.columns) * BAY_PITCH + half,
        y: box.gridY + Math.floor(drive.bay / box.columns) * BAY_PITCH + half,
        health: drive.health,
      });
    }
  }
  return beacons;
}
