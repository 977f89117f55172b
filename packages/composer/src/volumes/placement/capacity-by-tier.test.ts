import { describe, expect, it } from 'vitest';
import { AllocationIndex } from './allocation-index.js';
import { capacityByTier, type TierCapacity } from './capacity-by-tier.js';
import { siteSliceFragmentation } from './fragmentation.js';
import { putDrive, shelf, siteOf, TB } from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const SSD = 3.84 * TB;
const ssd = { media: 'ssd' as const, capacityBytes: SSD, rpm: 0, tags: ['nvme'] };

describe('capacityByTier', () => {
  const hdds = shelf({}, 3, {});
  const ssds = shelf({ kind: 'ebod' }, 3, ssd);
  const dark = shelf({ kind: 'ebod', state: 'offline' }, 1, ssd);
  const site = siteOf([hdds, ssds, dark]);
  putDrive(site, hdds.drives[2]!.id, { health: 'failed' });
  const member = (driveId: string, enclosureId: string) => ({
    driveId,
    enclosureId,
    storageGroup: 'feed-1',
    set: 0,
    copy: 0,
  });
  const allocations = AllocationIndex.fromVolumes([
    { id: 'vol-h', capacityBytes: 12 * TB, members: [member(hdds.drives[0]!.id, hdds.enclosure.id)] },
    { id: 'vol-w', capacityBytes: SSD, members: [member(ssds.drives[0]!.id, ssds.enclosure.id)] },
    {
      id: 'vol-s',
      capacityBytes: 100 * GiB,
      members: [{ ...member(ssds.drives[1]!.id, ssds.enclosure.id), slice: { offsetGiB: 0, sizeGiB: 100 } }],
    },
  ]);
  const tiers = capacityByTier(site, allocations);

  it('counts HDDs: held whole is used, a failed free drive is stranded', () => {
    expect(tiers.hdd).toEqual({
      drives: 3,
      totalBytes: 36 * TB,
      usedBytes: 12 * TB,
      freeBytes: 12 * TB,
      strandedBytes: 12 * TB,
    });
  });

  it('counts untouched SSDs as whole; an offline one is stranded', () => {
    expect(tiers.ssdWhole).toEqual({
      drives: 3,
      totalBytes: 3 * SSD,
      usedBytes: SSD,
      freeBytes: SSD,
      strandedBytes: SSD,
    });
  });

  it('counts sliced SSDs by GiB, the sub-GiB tail stranded', () => {
    expect(tiers.ssdSliced).toEqual({
      drives: 1,
      totalBytes: SSD,
      usedBytes: 100 * GiB,
      freeBytes: 3476 * GiB,
      strandedBytes: SSD - 3576 * GiB,
    });
  });

  it('adds up in every tier', () => {
    for (const tier of Object.values(tiers) as TierCapacity[]) {
      expect(tier.usedBytes + tier.freeBytes + tier.strandedBytes).toBe(tier.totalBytes);
    }
  });

  it('measures site-wide slice fragmentation over sliced SSDs only', () => {
    expect(siteSliceFragmentation(site, allocations)).toEqual({
      freeGiB: 3476,
      largestGapGiB: 3476,
      fragmentation: 0,
      drives: 1,
    });
  });
});
