import { describe, expect, it } from 'vitest';
import { buildEnclosure, buildRack } from '../../../shared/testing/builders';
import { generateSite, seededRandom } from '../../../shared/testing/generateSite';
import { modelFromRecords } from '../model/buildTopologyModel';
import { bayRect } from './bayRect';
import { BAY_PITCH, contains } from './geometry';
import { type Hit, hitTest } from './hitTest';
import { layoutTopology } from './layoutTopology';
import type { EnclosureBox, TopologyLayout } from './layoutTypes';

const racks = new Map(
  [buildRack({ id: 'r0' }), buildRack({ id: 'r1', position: 1 }), buildRack({ id: 'r2', row: 1 })].map(
    (r) => [r.id, r],
  ),
);
const enclosures = new Map(
  [
    buildEnclosure({ id: 'a', name: 'A', rack: 'r0', bayCount: 24 }),
    buildEnclosure({ id: 'b', name: 'B', rack: 'r0', bayCount: 30 }),
    buildEnclosure({ id: 'c', name: 'C', rack: 'r1' }),
    buildEnclosure({ id: 'd', name: 'D', rack: 'r2' }),
  ].map((e) => [e.id, e]),
);
const layout = layoutTopology({ racks, enclosures });

function box(id: string): EnclosureBox {
  const found = layout.enclosures.find((e) => e.id === id);
  if (!found) throw new Error(`no box ${id}`);
  return found;
}

describe('hitTest', () => {
  it('finds every bay at the centre of its cell', () => {
    for (const enclosure of layout.enclosures) {
      for (let bay = 0; bay < enclosure.bayCount; bay++) {
        const cell = bayRect(enclosure, bay);
        const hit = hitTest(layout, cell.x + cell.width / 2, cell.y + cell.height / 2);
        expect(hit).toEqual({ kind: 'bay', enclosure, bay });
      }
    }
  });

  it('returns the enclosure for its header and for the unused end of its last grid row', () => {
    const b = box('b');
    expect(hitTest(layout, b.x + 5, b.y + 3)).toEqual({ kind: 'enclosure', enclosure: b });
    const unused = bayRect(b, 35);
    expect(hitTest(layout, unused.x + 1, unused.y + 1)).toEqual({ kind: 'enclosure', enclosure: b });
  });

  it('returns null between racks, between rows and outside the drawing', () => {
    const r0 = layout.racks[0];
    if (!r0) throw new Error('no rack');
    expect(hitTest(layout, r0.x + r0.width + 2, r0.y + 30)).toBeNull();
    expect(hitTest(layout, 5, (layout.lines[0]?.height ?? 0) + 2)).toBeNull();
    expect(hitTest(layout, -10, -10)).toBeNull();
    expect(hitTest(layout, layout.width + 100, 50)).toBeNull();
    expect(hitTest(layout, 5, layout.height + 100)).toBeNull();
  });

  it('finds enclosures in the second rack and the second row', () => {
    const c = box('c');
    expect(hitTest(layout, c.x + 1, c.y + 1)?.enclosure.id).toBe('c');
    const d = box('d');
    expect(hitTest(layout, d.x + 1, d.y + 1)?.enclosure.id).toBe('d');
  });

  it('answers 100,000 hit tests on a 100,000-drive site quickly', () => {
    const big = layoutTopology(
      modelFromRecords(
        generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 }),
      ),
    );
    const random = seededRandom(7);
    let bays = 0;
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      if (hitTest(big, random() * big.width, random() * big.height)?.kind === 'bay') bays += 1;
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(bays).toBeGreaterThan(10_000);
  });
});

/** What lies under a point, by looking at every enclosure: slow, but obviously right. */
function hitByScan(layout: TopologyLayout, x: number, y: number): Hit | null {
  const enclosure = layout.enclosures.find((box) => contains(box, x, y));
  if (!enclosure) return null;
  for (let bay = 0; bay < enclosure.bayCount; bay++) {
    // A bay owns its cell and the gap after it, so the pointer never falls between cells.
    const cell = { ...bayRect(enclosure, bay), width: BAY_PITCH, height: BAY_PITCH };
    if (contains(cell, x, y)) return { kind: 'bay', enclosure, bay };
  }
  return { kind: 'enclosure', enclosure };
}

describe('hitTest with rows dealt into columns', () => {
  // Rows of different lengths and rack heights, so lines in a strip differ in size.
  const records = generateSite({ rows: 9, racksPerRow: 4, enclosuresPerRack: 3, baysPerEnclosure: 30 });
  // Rows 1 and 4 hold short racks, row 2 loses two racks: lines in a strip differ in size.
  const keep = records.enclosures.filter((enclosure, i) => {
    const [, row, position] = enclosure.rack.split('-').map(Number);
    if (row === 1 || row === 4) return i % 3 === 0;
    return !(row === 2 && (position ?? 0) >= 2);
  });
  const multi = layoutTopology(modelFromRecords({ ...records, enclosures: keep }), { aspectRatio: 1.6 });

  it('is a layout of several columns and strips', () => {
    expect(multi.columns).toBeGreaterThan(1);
    expect(multi.strips.length).toBeGreaterThan(1);
  });

  it('finds every bay at the centre of its cell', () => {
    for (const enclosure of multi.enclosures) {
      for (let bay = 0; bay < enclosure.bayCount; bay++) {
        const cell = bayRect(enclosure, bay);
        const hit = hitTest(multi, cell.x + cell.width / 2, cell.y + cell.height / 2);
        expect(hit).toEqual({ kind: 'bay', enclosure, bay });
      }
    }
  });

  it('agrees with looking at every enclosure, at 20,000 random points', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 20_000; i++) {
      const x = random() * (multi.width + 200) - 100;
      const y = random() * (multi.height + 200) - 100;
      expect(hitTest(multi, x, y)).toEqual(hitByScan(multi, x, y));
    }
  });

  it('returns null in the gap between columns and below a short row in its strip', () => {
    const [first, second] = multi.lines;
    if (!first || !second) throw new Error('no lines');
    expect(hitTest(multi, first.x + first.width + 2, first.y + first.height / 2)).toBeNull();
    expect(second.x).toBeGreaterThan(first.x + first.width);
    const short = multi.lines.find((line, i) => {
      const strip = multi.strips.find((s) => i >= s.lineStart && i < s.lineEnd);
      return strip && line.height < strip.height;
    });
    if (!short) throw new Error('no line shorter than its strip');
    expect(hitTest(multi, short.x + 10, short.y + short.height + 1)).toBeNull();
  });

  it('answers 100,000 hit tests on a 100,000-drive site in columns quickly', () => {
    const big = layoutTopology(
      modelFromRecords(
        generateSite({ rows: 24, racksPerRow: 12, enclosuresPerRack: 5, baysPerEnclosure: 70 }),
      ),
      { aspectRatio: 2.2 },
    );
    expect(big.columns).toBeGreaterThan(1);
    const random = seededRandom(7);
    let bays = 0;
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      if (hitTest(big, random() * big.width, random() * big.height)?.kind === 'bay') bays += 1;
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(bays).toBeGreaterThan(10_000);
  });
});
