import { describe, expect, it } from 'vitest';
import { buildEnclosure, buildRack } from '../../../testing/builders';
import { generateSite } from '../../../testing/generateSite';
import { modelFromRecords } from '../model/buildTopologyModel';
import { bayRect } from './bayRect';
import { intersects } from './geometry';
import { layoutTopology } from './layoutTopology';

function layoutOf(racks = [buildRack()], enclosures = [buildEnclosure()], options = {}) {
  return layoutTopology(
    { racks: new Map(racks.map((r) => [r.id, r])), enclosures: new Map(enclosures.map((e) => [e.id, e])) },
    options,
  );
}

describe('layoutTopology', () => {
  it('lays an empty site out as nothing', () => {
    const layout = layoutOf([], []);
    expect(layout).toMatchObject({ width: 0, height: 0, lines: [], racks: [], enclosures: [] });
  });

  it('puts racks of one row side by side in position order', () => {
    const layout = layoutOf(
      [buildRack({ id: 'b', name: 'B', position: 2 }), buildRack({ id: 'a', name: 'A', position: 1 })],
      [],
    );
    expect(layout.racks.map((r) => r.id)).toEqual(['a', 'b']);
    const [a, b] = layout.racks;
    expect(b?.x).toBeGreaterThan((a?.x ?? 0) + (a?.width ?? 0));
    expect(b?.y).toBe(a?.y);
  });

  it('puts each data-centre row on its own line, in row order', () => {
    const layout = layoutOf([buildRack({ id: 'r1', row: 1 }), buildRack({ id: 'r0', row: 0 })], []);
    expect(layout.lines.map((l) => l.label)).toEqual(['Row 0', 'Row 1']);
    expect(layout.racks[1]?.y).toBeGreaterThan((layout.racks[0]?.y ?? 0) + (layout.racks[0]?.height ?? 0));
  });

  it('wraps a long row onto continued lines', () => {
    const racks = Array.from({ length: 5 }, (_, i) => buildRack({ id: `r${i}`, position: i }));
    const layout = layoutOf(racks, [], { maxRacksPerLine: 2 });
    expect(layout.lines.map((l) => l.label)).toEqual(['Row 0', 'Row 0 (continued)', 'Row 0 (continued)']);
  });

  it('stacks enclosures in natural name order inside their rack, without overlap', () => {
    const enclosures = ['JBOD 10', 'JBOD 2', 'JBOD 1'].map((name, i) =>
      buildEnclosure({ id: `e${i}`, name }),
    );
    const layout = layoutOf([buildRack()], enclosures);
    expect(layout.enclosures.map((e) => e.name)).toEqual(['JBOD 1', 'JBOD 2', 'JBOD 10']);
    const [first, second] = layout.enclosures;
    if (!first || !second) throw new Error('missing boxes');
    expect(intersects(first, second)).toBe(false);
    expect(second.y).toBeGreaterThan(first.y);
  });

  it('sizes the bay grid from the bay count and keeps every bay inside its enclosure', () => {
    const layout = layoutOf([buildRack()], [buildEnclosure({ bayCount: 30 })], { bayColumns: 12 });
    const box = layout.enclosures[0];
    if (!box) throw new Error('missing box');
    expect(box.rows).toBe(3);
    const last = bayRect(box, 29);
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width);
    expect(last.y + last.height).toBeLessThanOrEqual(box.y + box.height);
  });

  it('marks offline enclosures', () => {
    const layout = layoutOf([buildRack()], [buildEnclosure({ state: 'offline' })]);
    expect(layout.enclosures[0]?.offline).toBe(true);
  });

  it('shows enclosures whose rack is unknown on a last line', () => {
    const layout = layoutOf([buildRack()], [buildEnclosure({ id: 'lost', rack: 'rack-x' })]);
    expect(layout.lines.map((l) => l.label)).toEqual(['Row 0', 'Racks not in the inventory']);
    expect(layout.enclosureIndex.get('lost')).toBe(0);
  });

  it('lays out 1,500 enclosures quickly', () => {
    const model = modelFromRecords(
      generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 }),
    );
    const started = performance.now();
    const layout = layoutTopology(model);
    expect(performance.now() - started).toBeLessThan(200);
    expect(layout.enclosures).toHaveLength(1500);
    expect(layout.lines).toHaveLength(10);
  });
});
