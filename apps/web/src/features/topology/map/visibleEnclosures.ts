import { intersects, type Rect } from '../layout/geometry';
import type { LineStrip, TopologyLayout } from '../layout/layoutTypes';

/** Indexes of the enclosures that overlap `world`, culling whole strips, lines and racks first. */
export function visibleEnclosures(layout: TopologyLayout, world: Rect): number[] {
  const visible: number[] = [];
  for (const strip of layout.strips) {
    if (intersects(strip, world)) visibleInStrip(layout, strip, world, visible);
  }
  return visible;
}

function visibleInStrip(layout: TopologyLayout, strip: LineStrip, world: Rect, visible: number[]): void {
  for (let l = strip.lineStart; l < strip.lineEnd; l++) {
    const line = layout.lines[l];
    if (!line || !intersects(line, world)) continue;
    for (let r = line.rackStart; r < line.rackEnd; r++) {
      const rack = layout.racks[r];
      if (!rack || !intersects(rack, world)) continue;
      for (let e = rack.enclosureStart; e < rack.enclosureEnd; e++) {
        const enclosure = layout.enclosures[e];
        if (enclosure && intersects(enclosure, world)) visible.push(e);
      }
    }
  }
}
