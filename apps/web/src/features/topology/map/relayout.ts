import type { TopologyLayout } from '../layout/layoutTypes';
import { FIT_MARGIN, panBy, type Viewport, visibleWorld } from './viewport';
import { visibleEnclosures } from './visibleEnclosures';

/**
 * How much the screen's shape must change (as a ratio, 50%) before the map re-flows: turning a
 * wide window into a tall one does, opening the drive panel or dragging a window edge does not,
 * so the map does not rearrange under the user for small changes.
 */
const RELAYOUT_ASPECT_CHANGE = Math.log(1.5);

/** Width / height of the area a fitted map fills, or undefined while the canvas has no size. */
export function fitAspectRatio(viewWidth: number, viewHeight: number): number | undefined {
  const width = viewWidth - 2 * FIT_MARGIN;
  const height = viewHeight - 2 * FIT_MARGIN;
  return width > 0 && height > 0 ? width / height : undefined;
}

/** Whether the map should be laid out again for a screen of shape `next` (none laid out yet: yes). */
export function aspectChangedSubstantially(previous: number | undefined, next: number): boolean {
  return previous === undefined || Math.abs(Math.log(next / previous)) >= RELAYOUT_ASPECT_CHANGE;
}

/**
 * The view after the layout changed under it (enclosures came or went, or rows were dealt into
 * other columns): keeps one enclosure where it was on screen, at the same zoom. That is
 * `preferredId` (the selected drive's) when on screen, else the one nearest the screen centre.
 * Undefined when no visible enclosure is in both layouts, so the caller fits instead.
 */
export function viewAfterRelayout(
  view: Viewport,
  previous: TopologyLayout,
  next: TopologyLayout,
  viewWidth: number,
  viewHeight: number,
  preferredId?: string,
): Viewport | undefined {
  const world = visibleWorld(view, viewWidth, viewHeight);
  const cx = world.x + world.width / 2;
  const cy = world.y + world.height / 2;
  let anchor: { before: number; after: number } | undefined;
  let nearest = Number.POSITIVE_INFINITY;
  for (const before of visibleEnclosures(previous, world)) {
    const box = previous.enclosures[before];
    const after = box && next.enclosureIndex.get(box.id);
    if (!box || after === undefined) continue;
    if (box.id === preferredId) {
      anchor = { before, after };
      break;
    }
    const dx = Math.max(box.x - cx, 0, cx - box.x - box.width);
    const dy = Math.max(box.y - cy, 0, cy - box.y - box.height);
    if (dx * dx + dy * dy < nearest) {
      nearest = dx * dx + dy * dy;
      anchor = { before, after };
    }
  }
  const before = anchor && previous.enclosures[anchor.before];
  const after = anchor && next.enclosures[anchor.after];
  if (!before || !after) return undefined;
  return panBy(view, (before.x - after.x) * view.scale, (before.y - after.y) * view.scale);
}
