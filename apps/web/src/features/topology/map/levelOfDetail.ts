import { GEOMETRY } from '../layout/geometry';

/** What is worth drawing at a zoom level (sizes in CSS pixels on screen). */
export interface LevelOfDetail {
  /** Cells are too small to see one failure, so failed/degraded drives get fixed-size beacons. */
  readonly beacons: boolean;
  readonly enclosureLabels: boolean;
  readonly rackLabels: boolean;
}

export const FONT = { rack: 11, enclosure: 9 } as const;
const MIN_TEXT_PX = 7;
const MIN_MARKER_CELL_PX = 7;

/** Decides what to draw at `scale`. */
export function levelOfDetail(scale: number): LevelOfDetail {
  const cell = GEOMETRY.baySize * scale;
  return {
    beacons: cell < MIN_MARKER_CELL_PX,
    enclosureLabels: FONT.enclosure * scale >= MIN_TEXT_PX,
    rackLabels: FONT.rack * scale >= MIN_TEXT_PX,
  };
}
