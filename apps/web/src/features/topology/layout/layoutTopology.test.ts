import type { Enclosure, Rack } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { generateSite } from '../../../shared/testing/generateSite';
import { modelFromRecords } from '../model/buildTopologyModel';
import { bayRect } from './bayRect';
import { intersects } from './geometry';
import { layoutTopology } from './layoutTopology';
import type { LayoutOptions, TopologyLayout } from './layoutTypes';

function layoutOf(
  racks = [buildRack()],
  enclosures = [buildEnclosure()],
  options: Partial<LayoutOptions> = {},
) {
  return layoutTopology(
    { racks: new Map(racks.map((r) => [r.id, r])), enclosures: new Map(enclosures.map((e) => [e.id, e])) },
    options,
  );
}

/** Racks with one enclosure each, so the map draws them. */
function stocked(racks: Rack[]): [Rack[], Enclosure[]] {
  return [racks, racks.map((rack) => buildEnclosure({ id: `enc-${rack.id}`, rack: rack.id }))];
}

/** `rows` data-centre rows of `perRow` racks, each rack holding `enclosuresPerRack` 60-bay enclosures. */
function siteOf(rows: number, perRow: number, enclosuresPerRack: number): [Rack[], Enclosure[]] {
  const racks: Rack[] = [];
  const enclosures: Enclosure[] = [];
  for (let row = 0; row < rows; row++) {
    for (let position = 0; position < perRow; position++) {
      const rack = buildRack({ id: `r${row}-${position}`, name: `R${row}-${position}`, row, position });
      racks.push(rack);
      for (let e = 0; e < enclosuresPerRack; e++)
        enclosures.push(buildEnclosure({ id: `e${row}-${position}-${e}`, rack: rack.id, bayCount: 60 }));
    }
  }
  return [racks, enclosures];
}

function expectNoOverlaps(layout: TopologyLayout): void {
  for (const [i, a] of layout.lines.entries())
    for (const b of layout.lines.slice(i + 1)) expect(intersects(a, b)).toBe(false);
  for (const [i, a] of layout.racks.entries())
    for (const b of layout.racks.slice(i + 1)) expect(intersects(a, b)).toBe(false);
}

describe('layoutTopology', () => {
  it('lays an empty site out as nothing', () => {
    const layout = layoutOf([], []);
    expect(layout).toMatchObject({ width: 0, height: 0, strips: [], lines: [], racks: [], enclosures: [] });
  });

  it('puts racks of one row side by side in position order', () => {
    const layout = layoutOf(
      ...stocked([
        buildRack({ id: 'b', name: 'B', position: 2 }),
        buildRack({ id: 'a', name: 'A', position: 1 }),
      ]),
    );
    expect(layout.racks.map((r) => r.id)).toEqual(['a', 'b']);
    const [a, b] = layout.racks;
    expect(b?.x).toBeGreaterThan((a?.x ?? 0) + (a?.width ?? 0));
    expect(b?.y).toBe(a?.y);
  });

  it('puts each data-centre row on its own line, in row order, lettered from A', () => {
    const layout = layoutOf(...stocked([buildRack({ id: 'r1', row: 1 }), buildRack({ id: 'r0', row: 0 })]));
    expect(layout.lines.map((l) => l.label)).toEqual(['Row A', 'Row B']);
    expect(layout.racks[1]?.y).toBeGreaterThan((layout.racks[0]?.y ?? 0) + (layout.racks[0]?.height ?? 0));
  });

  it('wraps a long row onto continued lines', () => {
    const racks = Array.from({ length: 5 }, (_, i) => buildRack({ id: `r${i}`, position: i }));
    const layout = layoutOf(...stocked(racks), { maxRacksPerLine: 2 });
    expect(layout.lines.map((l) => l.label)).toEqual(['Row A', 'Row A (continued)', 'Row A (continued)']);
  });

  it('leaves out racks without enclosures and counts them', () => {
    const layout = layoutOf(
      [
        buildRack({ id: 'storage', position: 1 }),
        buildRack({ id: 'compute-1', position: 0 }),
        buildRack({ id: 'compute-2', row: 1 }),
      ],
      [buildEnclosure({ rack: 'storage' })],
    );
    expect(layout.racks.map((r) => r.id)).toEqual(['storage']);
    expect(layout.racks[0]?.x).toBe(0);
    expect(layout.lines.map((l) => l.label)).toEqual(['Row A']);
    expect(layout.racksWithoutEnclosures).toBe(2);
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
    const layout = layoutOf(
      [buildRack()],
      [buildEnclosure(), buildEnclosure({ id: 'lost', rack: 'rack-x' })],
    );
    expect(layout.lines.map((l) => l.label)).toEqual(['Row A', 'Racks not in the inventory']);
    expect(layout.enclosureIndex.get('lost')).toBe(1);
  });

  it('keeps one row per line without an aspect ratio, and for a site that already fits', () => {
    const [racks, enclosures] = siteOf(2, 3, 2);
    const plain = layoutOf(racks, enclosures);
    expect(plain.columns).toBe(1);
    expect(layoutOf(racks, enclosures, { aspectRatio: plain.width / plain.height })).toEqual(plain);
  });

  it('deals a tall site into columns of rows, so its shape comes close to the screen', () => {
    const [racks, enclosures] = siteOf(24, 9, 8);
    const single = layoutOf(racks, enclosures);
    expect(single.width / single.height).toBeLessThan(0.2);
    const wide = layoutOf(racks, enclosures, { aspectRatio: 2.2 });
    expect(wide.columns).toBeGreaterThan(3);
    expect(Math.abs(Math.log(wide.width / wide.height / 2.2))).toBeLessThan(Math.log(1.3));
    expect(wide.enclosures).toHaveLength(single.enclosures.length);
    expectNoOverlaps(wide);
  });

  it('keeps rows in reading order across columns: left to right, then top to bottom', () => {
    const [racks, enclosures] = siteOf(7, 3, 6);
    const layout = layoutOf(racks, enclosures, { aspectRatio: 1 });
    const { columns, lines, strips } = layout;
    expect(columns).toBe(3);
    expect(lines.map((l) => l.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => `Row ${l}`));
    expect(strips.map((s) => [s.lineStart, s.lineEnd])).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
    for (const strip of strips) {
      const inStrip = lines.slice(strip.lineStart, strip.lineEnd);
      for (const [i, line] of inStrip.entries()) {
        expect(line.y).toBe(strip.y);
        expect(line.height).toBeLessThanOrEqual(strip.height);
        const next = inStrip[i + 1];
        if (next) expect(next.x).toBeGreaterThan(line.x + line.width);
      }
    }
    expect(lines[3]?.x).toBe(lines[0]?.x);
    expect(lines[3]?.y).toBeGreaterThan((lines[0]?.y ?? 0) + (lines[0]?.height ?? 0));
    expectNoOverlaps(layout);
  });

  it('keeps each row on one line of racks in position order, inside its line and the drawing', () => {
    const [racks, enclosures] = siteOf(6, 4, 3);
    const layout = layoutOf(racks, enclosures, { aspectRatio: 2 });
    expect(layout.columns).toBeGreaterThan(1);
    for (const line of layout.lines) {
      const inLine = layout.racks.slice(line.rackStart, line.rackEnd);
      expect(new Set(inLine.map((r) => r.y)).size).toBe(1);
      expect(inLine.map((r) => r.name)).toEqual([...inLine.map((r) => r.name)].sort());
      for (const rack of inLine) {
        expect(rack.x).toBeGreaterThanOrEqual(line.x);
        expect(rack.x + rack.width).toBeLessThanOrEqual(line.x + line.width);
        expect(rack.y + rack.height).toBeLessThanOrEqual(line.y + line.height);
      }
      expect(line.x + line.width).toBeLessThanOrEqual(layout.width);
      expect(line.y + line.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it('lays out 1,500 enclosures quickly', () => {
    const model = modelFromRecords(
      generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 }),
    );
    const started = performance.now();
    const layout = layoutTopology(model, { aspectRatio: 2 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(layout.enclosures).toHaveLength(1500);
    expect(layout.lines).toHaveLength(10);
  });
});
