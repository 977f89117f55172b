import { describe, expect, it } from 'vitest';
import { generateSite } from '../../../shared/testing/generateSite';
import { bayRect } from '../layout/bayRect';
import { layoutTopology } from '../layout/layoutTopology';
import { modelFromRecords } from '../model/buildTopologyModel';
import { SELECTED_MIN_SCALE, viewForDrive, viewForEnclosure } from './viewForDrive';
import { toScreen } from './viewport';

const model = modelFromRecords(
  generateSite({ rows: 2, racksPerRow: 3, enclosuresPerRack: 2, baysPerEnclosure: 24 }),
);
const layout = layoutTopology(model);
const box = layout.enclosures[layout.enclosureIndex.get('enc-7') ?? -1];

describe('viewForDrive', () => {
  it('centres and zooms in on a drive that is too small to read', () => {
    const view = viewForDrive({ scale: 0.2, x: 0, y: 0 }, model, layout, 'drive-170', 800, 600);
    expect(view?.scale).toBe(SELECTED_MIN_SCALE);
    if (!view || !box) throw new Error('no view');
    const cell = bayRect(box, 170 - 7 * 24);
    const centre = toScreen(view, cell.x + cell.width / 2, cell.y + cell.height / 2);
    expect(centre.x).toBeCloseTo(400);
    expect(centre.y).toBeCloseTo(300);
  });

  it('leaves the view alone when the drive is already readable on screen', () => {
    const cell = bayRect(box ?? layout.enclosures[0]!, 170 - 7 * 24);
    const view = { scale: 2, x: 400 - cell.x * 2, y: 300 - cell.y * 2 };
    expect(viewForDrive(view, model, layout, 'drive-170', 800, 600)).toBe(view);
  });

  it('zooms to the drive when rows are dealt into columns', () => {
    const columns = layoutTopology(model, { aspectRatio: 8 });
    expect(columns.columns).toBeGreaterThan(1);
    const moved = columns.enclosures[columns.enclosureIndex.get('enc-7') ?? -1];
    const view = viewForDrive({ scale: 0.2, x: 0, y: 0 }, model, columns, 'drive-170', 800, 600);
    if (!view || !moved) throw new Error('no view');
    const cell = bayRect(moved, 170 - 7 * 24);
    const centre = toScreen(view, cell.x + cell.width / 2, cell.y + cell.height / 2);
    expect(centre.x).toBeCloseTo(400);
    expect(centre.y).toBeCloseTo(300);
  });

  it('waits while the drive is unknown', () => {
    expect(viewForDrive({ scale: 1, x: 0, y: 0 }, model, layout, 'nope', 800, 600)).toBeUndefined();
  });
});

describe('viewForEnclosure', () => {
  it('centres an enclosure and shows it whole', () => {
    if (!box) throw new Error('no enclosure');
    const view = viewForEnclosure({ scale: 0.05, x: 0, y: 0 }, layout, 'enc-7', 800, 600);
    if (!view) throw new Error('no view');
    const topLeft = toScreen(view, box.x, box.y);
    const bottomRight = toScreen(view, box.x + box.width, box.y + box.height);
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(400);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(300);
    expect(topLeft.x).toBeGreaterThanOrEqual(0);
    expect(bottomRight.x).toBeLessThanOrEqual(800);
    expect(bottomRight.y).toBeLessThanOrEqual(600);
  });

  it('knows no enclosure that is not on the map', () => {
    expect(viewForEnclosure({ scale: 1, x: 0, y: 0 }, layout, 'enc-nope', 800, 600)).toBeUndefined();
  });
});
