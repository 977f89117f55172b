import { BAY_PITCH, GEOMETRY, type Rect } from './geometry';
import type { EnclosureBox } from './layoutTypes';

/** World rectangle of one bay cell. */
export function bayRect(enclosure: EnclosureBox, bay: number): Rect {
  return {
    x: enclosure.gridX + (bay % enclosure.columns) * BAY_PITCH,
    y: enclosure.gridY + Math.floor(bay / enclosure.columns) * BAY_PITCH,
    width: GEOMETRY.baySize,
    height: GEOMETRY.baySize,
  };
}
