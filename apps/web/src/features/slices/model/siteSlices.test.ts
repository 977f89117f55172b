import { GIB, type Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure } from '../../../shared/testing/builders';
import { buildMember, buildVolume } from '../../../shared/testing/buildVolume';
import { generateSite } from '../../../shared/testing/generateSite';
import { modelFromRecords } from '../../topology';
import { siteSlices } from './siteSlices';

const records = (drives = [buildDrive()]) => ({
  revision: 1,
  site: null,
  racks: [],
  enclosures: [buildEnclosure(), buildEnclosure({ id: 'enc-2', state: 'offline' })],
  servers: [],
  drives,
});
const ssd = (id: string, enclosure = 'enc-1') =>
  buildDrive({ id, media: 'ssd', rpm: 0, enclosure, capacityBytes: 100 * GIB });
const slice = (id: string, driveId: string, offsetGiB: number, sizeGiB: number) =>
  buildVolume({ id, members: [buildMember({ driveId, slice: { offsetGiB, sizeGiB } })] });

describe('siteSlices', () => {
  const model = modelFromRecords(
    records([buildDrive({ id: 'hdd-1' }), ssd('ssd-1'), ssd('ssd-2'), ssd('ssd-3'), ssd('ssd-4', 'enc-2')]),
  );
  const volumes = [
    slice('a', 'ssd-1', 0, 30),
    slice('b', 'ssd-1', 50, 10),
    buildVolume({ id: 'whole', members: [buildMember({ driveId: 'ssd-2' })] }),
    slice('c', 'ssd-4', 0, 80),
  ];
  const site = siteSlices(model, volumes);

  it('keeps SSDs only, one heat cell each, in topology order', () => {
    expect(site.ssdCount).toBe(4);
    expect(site.cells.map((c) => [c.id, c.band, c.unusable])).toEqual([
      ['ssd-1', 'q2', false],
      ['ssd-2', 'whole', false],
      ['ssd-3', 'unused', false],
      ['ssd-4', 'q4', true],
    ]);
  });

  it('says in each cell what it holds and whether it can take more', () => {
    expect(site.cells[0]?.label).toBe('ssd-1 · 40% sliced · 2 slices · health ok');
    expect(site.cells[1]?.label).toBe('ssd-2 · held whole · health ok');
    expect(site.cells[3]?.label).toBe(
      'ssd-4 · 80% sliced · 1 slice · enclosure offline, takes no new volumes',
    );
  });

  it('lays out the sliced SSDs and names who holds the others whole', () => {
    expect([...site.sliced.keys()]).toEqual(['ssd-1', 'ssd-4']);
    expect(site.sliced.get('ssd-1')?.freeGiB).toBe(60);
    expect(site.wholeHolders.get('ssd-2')?.volumeId).toBe('whole');
  });

  it('sums the site and counts the bands for the legend', () => {
    expect(site.summary).toMatchObject({ ssds: 4, sliced: 2, wholeInUse: 1, strandedGiB: 20 });
    expect(site.summary.freeBytes).toBe((60 + 100) * GIB);
    expect(site.counts.bands).toMatchObject({ unused: 1, q2: 1, q4: 1, whole: 1 });
    expect(site.counts.unusable).toBe(1);
  });

  it('lays out 10,000 slice volumes over a 100,000-drive site (speed: bench/, not here)', () => {
    const big = modelFromRecords(
      generateSite({ rows: 10, racksPerRow: 30, enclosuresPerRack: 5, baysPerEnclosure: 68 }),
    );
    const ssds = big.drives.filter((d) => d?.media === 'ssd');
    const many: Volume[] = Array.from({ length: 10_000 }, (_, i) =>
      slice(`v-${i}`, ssds[i % ssds.length]?.id ?? '', Math.floor(i / ssds.length) * 10, 10),
    );
    const result = siteSlices(big, many);
    expect(result.cells).toHaveLength(ssds.length);
    expect(result.sliced.size).toBe(Math.min(10_000, ssds.length));
  });
});
