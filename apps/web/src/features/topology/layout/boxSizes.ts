import { BAY_PITCH, GEOMETRY as G } from './geometry';
import type { LineOfRacks } from './rackGroups';

/** A width and height in world units. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Width of every enclosure box with `bayColumns` bays per grid row. */
export function enclosureWidth(bayColumns: number): number {
  return bayColumns * BAY_PITCH - G.bayGap + 2 * G.enclosurePadding;
}

/** Height of an enclosure box: its header and bay grid. */
export function enclosureHeight(bayCount: number, bayColumns: number): number {
  return G.enclosureHeader + Math.ceil(bayCount / bayColumns) * BAY_PITCH - G.bayGap + G.enclosurePadding;
}

/** Width of every rack box. */
export function rackWidth(bayColumns: number): number {
  return enclosureWidth(bayColumns) + 2 * G.rackPadding;
}

/** Height of a rack box holding enclosures with these bay counts, stacked. */
export function rackHeight(bayCounts: readonly number[], bayColumns: number): number {
  if (bayCounts.length === 0) return G.rackHeader + 2 * BAY_PITCH + G.rackPadding;
  let height = G.rackHeader + G.rackPadding - G.enclosureGap;
  for (const bayCount of bayCounts) height += enclosureHeight(bayCount, bayColumns) + G.enclosureGap;
  return height;
}

/** Size of a line of racks: racks side by side under the row's label. */
export function lineSize(line: LineOfRacks, bayColumns: number): Size {
  const racks = line.groups.length;
  let tallest = 0;
  for (const group of line.groups) {
    const bayCounts = group.enclosures.map((enclosure) => enclosure.bayCount);
    tallest = Math.max(tallest, rackHeight(bayCounts, bayColumns));
  }
  return {
    width: Math.max(0, racks * rackWidth(bayColumns) + (racks - 1) * G.rackGap),
    height: G.rowHeader + tallest,
  };
}
