import { describe, expect, it } from 'vitest';
import { generateSite } from '../../../shared/testing/generateSite';
import { layoutTopology } from '../layout/layoutTopology';
import type { TopologyLayout } from '../layout/layoutTypes';
import { modelFromRecords } from '../model/buildTopologyModel';
import { aspectChangedSubstantially, fitAspectRatio, viewAfterRelayout } from './relayout';
import { FIT_MARGIN, toScreen, type Viewport } from './viewport';

const model = modelFromRecords(
  generateSite({ rows: 12, racksPerRow: 4, enclosuresPerRack: 4, baysPerEnclosure: 60 }),
);
const tall = layoutTopology(model);
const wide = layoutTopology(model, { aspectRatio: 2 });

function screenOf(layout: TopologyLayout, view: Viewport, id: string) {
  const box = layout.enclosures[layout.enclosureIndex.get(id) ?? -1];
  if (!box) throw new Error(`no box ${id}`);
  return toScreen(view, box.x, box.y);
}

describe('relayout', () => {
  it('measures the shape of the area a fitted map fills', () => {
    expect(fitAspectRatio(800 + 2 * FIT_MARGIN, 400 + 2 * FIT_MARGIN)).toBe(2);
    expect(fitAspectRatio(0, 400)).toBeUndefined();
    expect(fitAspectRatio(800, FIT_MARGIN)).toBeUndefined();
  });

  it('re-flows for a new shape, not for a small resize or the drive panel opening', () => {
    expect(aspectChangedSubstantially(undefined, 2)).toBe(true);
    expect(aspectChangedSubstantially(2.2, 2.1)).toBe(false);
    expect(aspectChangedSubstantially(2.2, 1.6)).toBe(false);
    expect(aspectChangedSubstantially(2.2, 0.8)).toBe(true);
    expect(aspectChangedSubstantially(0.8, 2.2)).toBe(true);
  });

  it('keeps the enclosure nearest the screen centre where it was', () => {
    const id = 'enc-100';
    const box = tall.enclosures[tall.enclosureIndex.get(id) ?? -1];
    if (!box) throw new Error('no box');
    const view = { scale: 2, x: 400 - (box.x + 20) * 2, y: 300 - (box.y + 20) * 2 };
    const after = viewAfterRelayout(view, tall, wide, 800, 600);
    if (!after) throw new Error('no view');
    expect(after.scale).toBe(2);
    expect(screenOf(wide, after, id)).toEqual(screenOf(tall, view, id));
  });

  it('prefers the selected drive’s enclosure when it is on screen', () => {
    const view = { scale: 0.05, x: 10, y: 10 };
    const after = viewAfterRelayout(view, tall, wide, 800, 600, 'enc-150');
    if (!after) throw new Error('no view');
    expect(screenOf(wide, after, 'enc-150')).toEqual(screenOf(tall, view, 'enc-150'));
  });

  it('gives up when nothing on screen is in the new layout', () => {
    expect(viewAfterRelayout({ scale: 1, x: 5000, y: 5000 }, tall, wide, 800, 600)).toBeUndefined();
    const empty = layoutTopology({ racks: new Map(), enclosures: new Map() });
    expect(viewAfterRelayout({ scale: 0.05, x: 0, y: 0 }, tall, empty, 800, 600)).toBeUndefined();
  });
});
