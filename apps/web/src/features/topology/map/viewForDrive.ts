import { bayRect } from '../layout/bayRect';
import { contains } from '../layout/geometry';
import type { TopologyLayout } from '../layout/layoutTypes';
import { driveById, type TopologyModel } from '../model/topologyModel';
import { centreOn, type Viewport, visibleWorld } from './viewport';

/** Zoom at which a drive picked by URL or Find is shown: cells big enough to read. */
export const SELECTED_MIN_SCALE = 1.5;

/**
 * The view that shows drive `id` (centred and zoomed in unless it is already on screen at a
 * readable size), or undefined while the drive is not on the map (not loaded, or unknown).
 */
export function viewForDrive(
  view: Viewport,
  model: TopologyModel,
  layout: TopologyLayout,
  id: string,
  width: number,
  height: number,
): Viewport | undefined {
  const drive = driveById(model, id);
  const index = drive ? layout.enclosureIndex.get(drive.enclosure) : undefined;
  const box = index === undefined ? undefined : layout.enclosures[index];
  if (!drive || !box || drive.bay >= box.bayCount) return undefined;
  const cell = bayRect(box, drive.bay);
  const world = visibleWorld(view, width, height);
  const inView =
    contains(world, cell.x, cell.y) && contains(world, cell.x + cell.width, cell.y + cell.height);
  if (inView && view.scale >= SELECTED_MIN_SCALE) return view;
  return centreOn(view, cell, width, height, SELECTED_MIN_SCALE);
}
