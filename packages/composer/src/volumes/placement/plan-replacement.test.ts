import { describe, expect, it } from 'vitest';
import type { PlacementPlan, Result, Volume } from '../types.js';
import { AllocationIndex } from './allocation-index.js';
import { planPlacement } from './plan-placement.js';
import { planReplacement } from './plan-replacement.js';
import {
  putDrive,
  referenceSite,
  request,
  shelf,
  siteOf,
  TB,
  volumeOf,
} from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const ssd = (tags: string[] = ['nvme']) => ({
  media: 'ssd' as const,
  capacityBytes: 3.84 * TB,
  rpm: 0,
  tags,
});

function planned(result: Result<PlacementPlan>): PlacementPlan {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Composes a volume, records it, fails the drive under member `index` and marks the member failed. */
function composeAndFail(site: ReturnType<typeof siteOf>, req: ReturnType<typeof request>, index: number) {
  const allocations = new AllocationIndex();
  const volume = volumeOf('vol-1', req, planned(planPlacement(site, allocations, req)));
  allocations.put(volume);
  putDrive(site, volume.members[index]!.driveId, { health: 'failed' });
  const failed: Volume = {
    ...volume,
    health: 'degraded',
    members: volume.members.map((m, i) => (i === index ? { ...m, state: 'failed' as const } : m)),
  };
  return { allocations, volume: failed };
}

describe('planReplacement', () => {
  it('rebuilds a RAID1 leg on a drive of the same media and size, away from the surviving copy', () => {
    const { site } = referenceSite();
    const { allocations, volume } = composeAndFail(site, request(4 * TB, { redundancy: true }), 0);
    const result = planReplacement(site, allocations, volume, 0);
    if (!result.ok) throw new Error(result.error.message);
    const partner = volume.members[1]!;
    const drive = site.drives.get(result.value.driveId)!;
    expect(result.value).toMatchObject({ set: 0, copy: 0 });
    expect(drive).toMatchObject({ media: 'hdd', health: 'ok' });
    expect(drive.capacityBytes).toBeGreaterThanOrEqual(volume.capacityBytes);
    expect(result.value.storageGroup).not.toBe(partner.storageGroup);
    expect(allocations.isUntouched(result.value.driveId)).toBe(true);
    expect(result.value.slice).toBeUndefined();
  });

  it('rebuilds a slice as a slice of the same size on another SSD', () => {
    const { site } = referenceSite();
    const { allocations, volume } = composeAndFail(
      site,
      request(10 * GiB, { type: 'slice', redundancy: true }),
      1,
    );
    const result = planReplacement(site, allocations, volume, 1);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.slice?.sizeGiB).toBe(10);
    expect(result.value.driveId).not.toBe(volume.members[0]!.driveId);
    expect(result.value.driveId).not.toBe(volume.members[1]!.driveId);
    expect(result.value.storageGroup).not.toBe(volume.members[0]!.storageGroup);
  });

  it('keeps the original request: tags rule out the closest drives', () => {
    const sedA = shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-1' }, 1, ssd(['sed']));
    const sedB = shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-2' }, 2, ssd(['sed']));
    const plain = shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-3' }, 4, ssd());
    const site = siteOf([sedA, sedB, plain]);
    const req = request(1 * TB, { type: 'ssd', redundancy: true, requiredTags: ['sed'] });
    const { allocations, volume } = composeAndFail(site, req, 1);
    expect(volume.members[1]!.enclosureId).toBe(sedB.enclosure.id);
    const result = planReplacement(site, allocations, volume, 1);
    expect(result.ok && result.value.enclosureId).toBe(sedB.enclosure.id);
  });

  it('fails naming sgResiliency when only the surviving copy’s storage group has room', () => {
    const site = siteOf([
      shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-1' }, 2, ssd()),
      shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-2' }, 1, ssd()),
    ]);
    const { allocations, volume } = composeAndFail(
      site,
      request(1 * TB, { type: 'ssd', redundancy: true }),
      1,
    );
    const result = planReplacement(site, allocations, volume, 1);
    expect(result.ok || result.error).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      field: 'parameters.sgResiliency',
    });
    expect(result.ok || result.error.message).toMatch(
      /all free SSDs ≥ 3.84 TB left are in storage group feed-1, with the surviving copy/,
    );
  });

  it('settles for the same storage group when sgResiliency=false', () => {
    const site = siteOf([
      shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-1' }, 1, ssd()),
      shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-3' }, 1, ssd()),
      shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-2' }, 1, ssd()),
    ]);
    const req = request(1 * TB, { type: 'ssd', redundancy: true, sgResiliency: false });
    const { allocations, volume } = composeAndFail(site, req, 1);
    const result = planReplacement(site, allocations, volume, 1);
    expect(result.ok && result.value.storageGroup).toBe('feed-1');
  });

  it('keeps the rebuilt copy out of the surviving copy’s bandwidth domain unless softDomains=true', () => {
    const site = () =>
      siteOf([
        shelf({ kind: 'ebod', storageGroup: 'feed-1', bandwidthDomain: 'tor-1' }, 1, ssd()),
        shelf({ kind: 'ebod', storageGroup: 'feed-2', bandwidthDomain: 'tor-2' }, 1, ssd()),
        // The only spare shares the surviving copy's (feed-1's) top-of-rack pair.
        shelf({ kind: 'ebod', storageGroup: 'feed-3', bandwidthDomain: 'tor-1' }, 1, ssd()),
      ]);
    const strictSite = site();
    const strict = composeAndFail(strictSite, request(1 * TB, { type: 'ssd', redundancy: true }), 1);
    expect(strict.volume.members[0]!.storageGroup).toBe('feed-1');
    const refused = planReplacement(strictSite, strict.allocations, strict.volume, 1);
    expect(refused.ok || refused.error).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      field: 'parameters.softDomains',
    });
    expect(refused.ok || refused.error.message).toMatch(
      /behind bandwidth domain tor-1, with the surviving copy/,
    );
    const soft = request(1 * TB, { type: 'ssd', redundancy: true, softDomains: true });
    const relaxedSite = site();
    const relaxed = composeAndFail(relaxedSite, soft, 1);
    const result = planReplacement(relaxedSite, relaxed.allocations, relaxed.volume, 1);
    expect(result.ok && result.value.storageGroup).toBe('feed-3');
  });

  it('refuses when there is nothing to rebuild from', () => {
    const { site } = referenceSite();
    const single = composeAndFail(site, request(4 * TB), 0);
    expect(planReplacement(site, single.allocations, single.volume, 0)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    const both = composeAndFail(referenceSite().site, request(4 * TB, { redundancy: true }), 0);
    const bothFailed = {
      ...both.volume,
      members: both.volume.members.map((m) => ({ ...m, state: 'failed' as const })),
    };
    const result = planReplacement(site, both.allocations, bothFailed, 0);
    expect(result.ok || result.error.message).toMatch(/has failed too/);
    expect(planReplacement(site, both.allocations, both.volume, 5)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
