import { type InventoryReport, InventoryReportSchema } from '@drivebay/api-types';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteViolations } from '../testing/site-invariants.js';
import { ENCLOSURE_MODELS } from './catalog.js';
import { generateSite } from './generate-site.js';

const SEEDS = [1, 2, 3, 4, 5, 17, 99, 2024];
const TAGS = new Set(['sed', 'nvme', 'archive', 'fast']);

const allDrives = (site: InventoryReport) => site.enclosures.flatMap((e) => e.drives);
const distinct = (values: readonly unknown[]) => new Set(values).size;

describe('generateSite small', () => {
  it('is deterministic, seed 1 by default', () => {
    expect(generateSite({ scale: 'small', seed: 3 })).toEqual(generateSite({ scale: 'small', seed: 3 }));
    expect(generateSite({ scale: 'small' })).toEqual(generateSite({ scale: 'small', seed: 1 }));
  });

  it('gives a different site for each seed', () => {
    const serials = SEEDS.map((seed) => allDrives(generateSite({ scale: 'small', seed }))[0]?.serial);
    expect(distinct(serials)).toBe(SEEDS.length);
    const shapes = SEEDS.map((seed) => {
      const site = generateSite({ scale: 'small', seed });
      return site.enclosures.map((e) => e.enclosure.model).join('|') + site.servers.length;
    });
    expect(distinct(shapes)).toBeGreaterThan(SEEDS.length / 2);
  });

  it.each(SEEDS)('seed %i parses, is sound and sized like a small site', (seed) => {
    const site = generateSite({ scale: 'small', seed });
    expect(InventoryReportSchema.parse(site)).toEqual(site);
    expect(siteViolations(site)).toEqual([]);
    expect(site.type).toBe('inventory');
    expect(site.site).toEqual({ id: 'site-1', name: 'Simulated site (small)', scale: 'small' });
    const drives = allDrives(site);
    expect(drives.length).toBeGreaterThanOrEqual(300);
    expect(drives.length).toBeLessThanOrEqual(500);
    expect(site.enclosures.length).toBeGreaterThanOrEqual(6);
    expect(site.enclosures.length).toBeLessThanOrEqual(10);
    expect(site.racks.length).toBeGreaterThanOrEqual(4);
    expect(site.racks.length).toBeLessThanOrEqual(6);
    expect(new Set(site.racks.map((r) => r.row))).toEqual(new Set([0, 1]));
    expect(site.servers.length).toBeGreaterThanOrEqual(16);
    expect(site.servers.length).toBeLessThanOrEqual(24);
  });

  it.each(SEEDS)('seed %i mixes enclosure models, media, storage groups and bandwidth domains', (seed) => {
    const site = generateSite({ scale: 'small', seed });
    const enclosures = site.enclosures.map((e) => e.enclosure);
    expect(distinct(enclosures.map((e) => e.model))).toBeGreaterThanOrEqual(3);
    expect(distinct(enclosures.map((e) => e.kind))).toBe(2);
    expect(distinct(enclosures.map((e) => e.storageGroup))).toBeGreaterThanOrEqual(2);
    expect(distinct(enclosures.map((e) => e.bandwidthDomain))).toBeGreaterThanOrEqual(3);
    const drives = allDrives(site);
    expect(new Set(drives.map((d) => d.media))).toEqual(new Set(['hdd', 'ssd']));
    expect(drives.some((d) => d.tags.length === 0)).toBe(true);
    expect(drives.flatMap((d) => d.tags).every((t) => TAGS.has(t))).toBe(true);
  });

  it.each(SEEDS)(
    'seed %i starts healthy, with ids derived from serials and nearly full enclosures',
    (seed) => {
      const site = generateSite({ scale: 'small', seed });
      for (const { enclosure, drives } of site.enclosures) {
        expect(enclosure.state).toBe('online');
        expect(drives.length).toBeGreaterThan(enclosure.bayCount * 0.85);
        // Flash lives in eBODs, spinning drives in JBODs.
        expect(drives.every((d) => d.media === (enclosure.kind === 'ebod' ? 'ssd' : 'hdd'))).toBe(true);
        for (const drive of drives) {
          expect(drive.health).toBe('ok');
          expect(drive.id).toBe(`drv-${drive.serial.toLowerCase()}`);
        }
      }
      expect(site.servers.every((s) => s.state === 'up' && s.hostname.startsWith('k8s-'))).toBe(true);
    },
  );
});

describe('generateSite large', () => {
  let site: InventoryReport;
  beforeAll(() => {
    site = generateSite({ scale: 'large' });
  });

  it('holds exactly 100,000 drives and 10,000 servers', () => {
    expect(allDrives(site)).toHaveLength(100_000);
    expect(site.servers).toHaveLength(10_000);
    expect(site.site.scale).toBe('large');
  });

  it('parses and is sound', () => {
    expect(() => InventoryReportSchema.parse(site)).not.toThrow();
    expect(siteViolations(site)).toEqual([]);
  });

  it('fits in 42U racks, one ToR bandwidth domain per rack, 4 to 8 power feeds', () => {
    // Two rack units go to the ToR switches; servers are 1U.
    const usedUnits = new Map<string, number>();
    const use = (rack: string, units: number) => usedUnits.set(rack, (usedUnits.get(rack) ?? 0) + units);
    for (const s of site.servers) use(s.rack, 1);
    for (const { enclosure } of site.enclosures) {
      use(enclosure.rack, ENCLOSURE_MODELS.find((m) => m.model === enclosure.model)?.rackUnits ?? Infinity);
    }
    expect(Math.max(...usedUnits.values())).toBeLessThanOrEqual(40);
    const enclosures = site.enclosures.map((e) => e.enclosure);
    const groups = distinct(enclosures.map((e) => e.storageGroup));
    expect(groups).toBeGreaterThanOrEqual(4);
    expect(groups).toBeLessThanOrEqual(8);
    expect(enclosures.every((e) => e.bandwidthDomain === `tor-${e.rack.slice('rack-'.length)}`)).toBe(true);
    expect(distinct(enclosures.map((e) => e.model))).toBe(5);
  });

  it('is deterministic and differs by seed', () => {
    const again = generateSite({ scale: 'large' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(site));
    const other = generateSite({ scale: 'large', seed: 2 });
    expect(allDrives(other)).toHaveLength(100_000);
    expect(allDrives(other)[0]?.serial).not.toBe(allDrives(site)[0]?.serial);
  });
});
