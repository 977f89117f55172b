import { describe, expect, it } from 'vitest';
import { generateSite } from '../../../shared/testing/generateSite';
import { intersects } from '../layout/geometry';
import { layoutTopology } from '../layout/layoutTopology';
import { modelFromRecords } from '../model/buildTopologyModel';
import { levelOfDetail } from './levelOfDetail';
import { visibleEnclosures } from './visibleEnclosures';

const layout = layoutTopology(
  modelFromRecords(generateSite({ rows: 3, racksPerRow: 4, enclosuresPerRack: 3, baysPerEnclosure: 24 })),
);

describe('visibleEnclosures', () => {
  it('returns every enclosure when the whole drawing is in view', () => {
    const all = visibleEnclosures(layout, { x: 0, y: 0, width: layout.width, height: layout.height });
    expect(all).toHaveLength(36);
  });

  it('returns exactly the enclosures that overlap a window', () => {
    const window = { x: layout.width / 3, y: layout.height / 3, width: 120, height: 90 };
    const visible = new Set(visibleEnclosures(layout, window));
    layout.enclosures.forEach((box, index) => {
      expect(visible.has(index)).toBe(intersects(box, window));
    });
  });

  it('returns nothing far outside the drawing', () => {
    expect(visibleEnclosures(layout, { x: -500, y: -500, width: 100, height: 100 })).toEqual([]);
  });
});

describe('levelOfDetail', () => {
  it('marks cells when zoomed in and beacons failures when zoomed out', () => {
    expect(levelOfDetail(1)).toMatchObject({ beacons: false, enclosureLabels: true });
    expect(levelOfDetail(0.2)).toMatchObject({
      beacons: true,
      enclosureLabels: false,
      rackLabels: false,
    });
  });
});
