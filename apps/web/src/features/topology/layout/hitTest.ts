import { BAY_PITCH, contains } from './geometry';
import type { EnclosureBox, TopologyLayout } from './layoutTypes';

/** What lies under a point: a bay cell (drive or empty), or an enclosure's frame. */
export type Hit =
  | { readonly kind: 'bay'; readonly enclosure: EnclosureBox; readonly bay: number }
  | { readonly kind: 'enclosure'; readonly enclosure: EnclosureBox };

/**
 * Finds the bay or enclosure at world point (x, y) in O(log strips + log lines + log racks +
 * enclosures per rack): binary search the strip by y, the line in it by x, then the rack by x,
 * then grid arithmetic for the bay.
 */
export function hitTest(layout: TopologyLayout, x: number, y: number): Hit | null {
  const { strips, lines, racks } = layout;
  const strip = strips[lastAtOrBefore(strips, 0, strips.length, (s) => s.y <= y)];
  if (!strip || !contains(strip, x, y)) return null;
  const line = lines[lastAtOrBefore(lines, strip.lineStart, strip.lineEnd, (l) => l.x <= x)];
  if (!line || !contains(line, x, y)) return null;
  const rack = racks[lastAtOrBefore(racks, line.rackStart, line.rackEnd, (r) => r.x <= x)];
  if (!rack || !contains(rack, x, y)) return null;
  for (let i = rack.enclosureStart; i < rack.enclosureEnd; i++) {
    const enclosure = layout.enclosures[i] as EnclosureBox;
    if (contains(enclosure, x, y)) return hitInEnclosure(enclosure, x, y);
  }
  return null;
}

function hitInEnclosure(enclosure: EnclosureBox, x: number, y: number): Hit {
  const column = Math.floor((x - enclosure.gridX) / BAY_PITCH);
  const row = Math.floor((y - enclosure.gridY) / BAY_PITCH);
  if (column < 0 || row < 0 || column >= enclosure.columns) return { kind: 'enclosure', enclosure };
  const bay = row * enclosure.columns + column;
  if (bay >= enclosure.bayCount) return { kind: 'enclosure', enclosure };
  return { kind: 'bay', enclosure, bay };
}

/** Index of the last item in [start, end) for which `atOrBefore` holds (items sorted), or -1. */
function lastAtOrBefore<T>(
  items: readonly T[],
  start: number,
  end: number,
  atOrBefore: (item: T) => boolean,
): number {
  let low = start;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (atOrBefore(items[mid] as T)) low = mid + 1;
    else high = mid;
  }
  return low - 1 >= start ? low - 1 : -1;
}
