import { GEOMETRY as G, intersects, type Rect } from '../layout/geometry';
import type { TopologyLayout } from '../layout/layoutTypes';
import { FONT, type LevelOfDetail } from './levelOfDetail';
import type { CanvasPalette } from './palette';

/** The map's text font. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Draws racks and enclosure frames with their labels, in world space. */
export function drawFrames(
  ctx: CanvasRenderingContext2D,
  layout: TopologyLayout,
  world: Rect,
  visible: readonly number[],
  palette: CanvasPalette,
  lod: LevelOfDetail,
  scale: number,
): void {
  const hairline = 1 / scale;
  ctx.lineWidth = hairline;
  ctx.fillStyle = palette.rack;
  ctx.strokeStyle = palette.rackBorder;
  const racks = layout.racks.filter((rack) => intersects(rack, world));
  for (const rack of racks) {
    ctx.fillRect(rack.x, rack.y, rack.width, rack.height);
    ctx.strokeRect(rack.x, rack.y, rack.width, rack.height);
  }
  ctx.fillStyle = palette.enclosure;
  ctx.strokeStyle = palette.enclosureBorder;
  for (const index of visible) {
    const box = layout.enclosures[index];
    if (!box) continue;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    ctx.strokeRect(box.x, box.y, box.width, box.height);
  }
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  if (lod.rackLabels) {
    ctx.fillStyle = palette.textMuted;
    ctx.font = `600 ${FONT.rack}px ${FONT_FAMILY}`;
    for (const rack of racks)
      ctx.fillText(rack.name, rack.x + G.rackPadding, rack.y + 13, rack.width - 2 * G.rackPadding);
  }
  if (lod.enclosureLabels) {
    ctx.fillStyle = palette.text;
    ctx.font = `${FONT.enclosure}px ${FONT_FAMILY}`;
    for (const index of visible) {
      const box = layout.enclosures[index];
      if (box)
        ctx.fillText(box.name, box.x + G.enclosurePadding, box.y + 10, box.width - 2 * G.enclosurePadding);
    }
  }
}

/** Row labels at a fixed, readable screen size, on a backing so they stay legible over racks. */
export function drawRowLabels(
  ctx: CanvasRenderingContext2D,
  layout: TopologyLayout,
  world: Rect,
  palette: CanvasPalette,
  toScreen: (x: number, y: number) => { x: number; y: number },
): void {
  ctx.font = `700 12px ${FONT_FAMILY}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const line of layout.lines) {
    if (!intersects(line, world)) continue;
    const at = toScreen(line.x, line.y + G.rowHeader / 2);
    const right = toScreen(line.x + line.width, line.y).x;
    const width = ctx.measureText(line.label).width;
    // Stays on screen while its row is panned half off the left, but never runs into the next column.
    const x = Math.max(at.x, Math.min(4, right - width));
    ctx.fillStyle = palette.background;
    ctx.fillRect(x - 3, at.y - 9, width + 6, 18);
    ctx.fillStyle = palette.text;
    ctx.fillText(line.label, x, at.y);
  }
}
