import { bayRect } from '../layout/bayRect';
import type { Hit } from '../layout/hitTest';
import type { TopologyLayout } from '../layout/layoutTypes';
import { driveById, type TopologyModel } from '../model/topologyModel';
import { collectBeacons, drawBays } from './drawBays';
import { drawFrames, drawRowLabels } from './drawFrames';
import {
  drawBeacons,
  drawCellHighlight,
  drawEnclosureHighlight,
  drawLocateRing,
  drawOfflineEnclosures,
} from './drawOverlays';
import { levelOfDetail } from './levelOfDetail';
import type { CanvasPalette } from './palette';
import type { SpriteCache } from './spriteCache';
import { type Viewport, visibleWorld } from './viewport';
import { visibleEnclosures } from './visibleEnclosures';

/** Everything one frame depends on. */
export interface Scene {
  readonly model: TopologyModel;
  readonly layout: TopologyLayout;
  readonly view: Viewport;
  /** Canvas size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  readonly palette: CanvasPalette;
  readonly hover: Hit | null;
  readonly selectedDriveId: string | null;
  /** Drives outlined besides the selection (a found volume's members). */
  readonly highlightDriveIds: readonly string[];
  /** The enclosure whose panel is open, outlined. */
  readonly selectedEnclosureId?: string | null;
  readonly sprites: SpriteCache;
  /** The blink's phase: lit locate LEDs are drawn while true (always, with reduced motion). */
  readonly locateLit?: boolean;
}

/**
 * Draws one frame: only what is in view, bay grids from cached sprites, overlays in screen
 * space. Returns false when some sprites were left to paint in the next frame.
 */
export function drawTopology(ctx: CanvasRenderingContext2D, scene: Scene): boolean {
  const { model, layout, view, width, height, pixelRatio: dpr, palette } = scene;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);

  const world = visibleWorld(view, width, height);
  const visible = visibleEnclosures(layout, world);
  const lod = levelOfDetail(view.scale);
  ctx.setTransform(dpr * view.scale, 0, 0, dpr * view.scale, dpr * view.x, dpr * view.y);
  drawFrames(ctx, layout, world, visible, palette, lod, view.scale);
  const complete = drawBays(ctx, model, layout, visible, palette, view.scale * dpr, scene.sprites);
  const beacons = lod.beacons ? collectBeacons(model, layout, visible) : [];

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const toScreen = (x: number, y: number) => ({ x: x * view.scale + view.x, y: y * view.scale + view.y });
  // Labels first: zoomed out they overlap the top of their row, and must never hide a failure.
  drawRowLabels(ctx, layout, world, palette, toScreen);
  drawOfflineEnclosures(ctx, layout, visible, palette, toScreen);
  drawBeacons(ctx, beacons, palette, toScreen);
  drawHover(ctx, scene, toScreen);
  drawHighlights(ctx, scene, toScreen);
  drawSelectedEnclosure(ctx, scene, toScreen);
  drawSelection(ctx, scene, toScreen);
  if (scene.locateLit) drawLocates(ctx, scene, toScreen);
  return complete;
}

function drawHover(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  const { hover, palette } = scene;
  if (!hover) return;
  if (hover.kind === 'bay') {
    drawCellHighlight(
      ctx,
      bayRect(hover.enclosure, hover.bay),
      palette.hover,
      'hover',
      toScreen,
      palette.background,
    );
  } else {
    drawEnclosureHighlight(ctx, hover.enclosure, palette.hover, toScreen);
  }
}

function drawHighlights(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  const { model, layout, highlightDriveIds, palette } = scene;
  for (const id of highlightDriveIds) {
    const drive = driveById(model, id);
    const index = drive ? layout.enclosureIndex.get(drive.enclosure) : undefined;
    const box = index === undefined ? undefined : layout.enclosures[index];
    if (!drive || !box || drive.bay >= box.bayCount) continue;
    // The selection ring, so each member stands out when zoomed out too.
    drawCellHighlight(ctx, bayRect(box, drive.bay), palette.select, 'selected', toScreen, palette.background);
  }
}

/** Lit locate LEDs: a ring round the bay (seen zoomed out too), or round the whole enclosure. */
function drawLocates(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  const { model, layout, palette } = scene;
  for (const locate of model.locates.values()) {
    const drive = locate.kind === 'drive' ? driveById(model, locate.id) : undefined;
    const enclosureId = locate.kind === 'drive' ? drive?.enclosure : locate.id;
    const index = enclosureId === undefined ? undefined : layout.enclosureIndex.get(enclosureId);
    const box = index === undefined ? undefined : layout.enclosures[index];
    if (!box) continue;
    if (locate.kind === 'enclosure') {
      drawEnclosureHighlight(ctx, box, palette.locate, toScreen, 3);
    } else if (drive && drive.bay < box.bayCount) {
      drawLocateRing(ctx, bayRect(box, drive.bay), palette.locate, toScreen, palette.background);
    }
  }
}

function drawSelectedEnclosure(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  const { layout, selectedEnclosureId, palette } = scene;
  const index = selectedEnclosureId ? layout.enclosureIndex.get(selectedEnclosureId) : undefined;
  const box = index === undefined ? undefined : layout.enclosures[index];
  if (box) drawEnclosureHighlight(ctx, box, palette.select, toScreen);
}

function drawSelection(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  const { model, layout, selectedDriveId, palette } = scene;
  if (!selectedDriveId) return;
  const drive = driveById(model, selectedDriveId);
  const index = drive ? layout.enclosureIndex.get(drive.enclosure) : undefined;
  const box = index === undefined ? undefined : layout.enclosures[index];
  if (!drive || !box || drive.bay >= box.bayCount) return;
  drawCellHighlight(ctx, bayRect(box, drive.bay), palette.select, 'selected', toScreen, palette.background);
}
