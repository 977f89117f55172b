import { intersects, type Rect } from '../layout/geometry';
import type { TopologyLayout } from '../layout/layoutTypes';

/** Indexes of the enclosures that overlap `world`, culling whole lines and racks first. */
export function visibleEnclosures(layout: TopologyLayout, world: Rect): number[] {
  const visible: number[] = [];
  for (const line of layout.lines) {
    if (!intersects(line, world)) continue;
    for (let r = line.rackStart; r < line.rackEnd; r++) {
      const rack = layout.racks[r];
      if (!rack || !intersects(rack, world)) continue;
      for (let e = rack.enclosureStart; e < rack.enclosureEnd; e++) {
        const enclosure = layout.enclosures[e];
        if (enclosure && intersects(enclosure, world)) visible.push(e);
      }
    }
  }
  return visible;
}
