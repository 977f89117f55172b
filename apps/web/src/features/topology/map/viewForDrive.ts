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

/** The view that shows enclosure `id` whole and readable, or undefined while it is not on the map. */
export function viewForEnclosure(
  view: Viewport,
  layout: TopologyLayout,
  id: string,
  width: number,
  height: number,
): Viewport | undefined {
  const index = layout.enclosureIndex.get(id);
  const box = index === undefined ? undefined : layout.enclosures[index];
  if (!box) return undefined;
  const world = visibleWorld(view, width, height);
  const inView = contains(world, box.x, box.y) && contains(world, box.x + box.width, box.y + box.height);
  // Big enough to read its bays, small enough that it fits on screen.
  const fits = Math.min(width / (box.width * 1.2), height / (box.height * 1.2));
  const scale = Math.min(SELECTED_MIN_SCALE, fits);
  if (inView && view.scale >= scale * 0.8) return view;
  return centreOn({ ...view, scale: Math.min(view.scale, fits) }, box, width, height, scale);
}
