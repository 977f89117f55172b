import type { Rect } from '../layout/geometry';

/** Maps world to screen: screen = world * scale + (x, y), in CSS pixels. */
export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export const MAX_SCALE = 12;
/** Space left around the drawing when it is fitted, in CSS pixels. */
export const FIT_MARGIN = 16;

/** The screen point of a world point. */
export function toScreen(view: Viewport, wx: number, wy: number): { x: number; y: number } {
  return { x: wx * view.scale + view.x, y: wy * view.scale + view.y };
}

/** The world point under a screen point. */
export function toWorld(view: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - view.x) / view.scale, y: (sy - view.y) / view.scale };
}

/** The view that shows all of a `width` x `height` drawing in a `viewWidth` x `viewHeight` box. */
export function fitViewport(width: number, height: number, viewWidth: number, viewHeight: number): Viewport {
  if (width <= 0 || height <= 0 || viewWidth <= 0 || viewHeight <= 0)
    return { scale: 1, x: FIT_MARGIN, y: FIT_MARGIN };
  const scale = Math.min(
    (viewWidth - 2 * FIT_MARGIN) / width,
    (viewHeight - 2 * FIT_MARGIN) / height,
    MAX_SCALE,
  );
  const safe = Math.max(scale, 1e-3);
  return { scale: safe, x: (viewWidth - width * safe) / 2, y: (viewHeight - height * safe) / 2 };
}

/** Zooms by `factor` keeping the world point under (sx, sy) in place; scale is clamped. */
export function zoomAt(view: Viewport, factor: number, sx: number, sy: number, minScale: number): Viewport {
  const scale = clamp(view.scale * factor, minScale, MAX_SCALE);
  const world = toWorld(view, sx, sy);
  return { scale, x: sx - world.x * scale, y: sy - world.y * scale };
}

/** Moves the view by a screen distance. */
export function panBy(view: Viewport, dx: number, dy: number): Viewport {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/** The world rectangle visible in a `viewWidth` x `viewHeight` screen. */
export function visibleWorld(view: Viewport, viewWidth: number, viewHeight: number): Rect {
  const topLeft = toWorld(view, 0, 0);
  return { x: topLeft.x, y: topLeft.y, width: viewWidth / view.scale, height: viewHeight / view.scale };
}

/** Centres a world rectangle on screen, zooming in to at least `minScale`. */
export function centreOn(
  view: Viewport,
  rect: Rect,
  viewWidth: number,
  viewHeight: number,
  minScale: number,
): Viewport {
  const scale = Math.max(view.scale, minScale);
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return { scale, x: viewWidth / 2 - cx * scale, y: viewHeight / 2 - cy * scale };
}

/** The smallest zoom allowed: a little less than "everything fits". */
export function minScaleFor(width: number, height: number, viewWidth: number, viewHeight: number): number {
  return Math.min(fitViewport(width, height, viewWidth, viewHeight).scale / 2, 0.5);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
