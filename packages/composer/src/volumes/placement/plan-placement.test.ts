import { describe, expect, it } from 'vitest';
import { generateSite } from '../../generator/index.js';
import type { PlacementPlan, Result } from '../types.js';
import { AllocationIndex } from './allocation-index.js';
import { planPlacement } from './plan-placement.js';
import {
  inventoryOf,
  putDrive,
  referenceSite,
  request,
  shelf,
  siteOf,
  TB,
  volumeOf,
} from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const ssd = { media: 'ssd' as const, capacityBytes: 3.84 * TB, rpm: 0, tags: ['nvme'] };

function planned(result: Result<PlacementPlan>): PlacementPlan {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Plans and records a volume, as the BFF would after committing it. */
function compose(
  site: ReturnType<typeof siteOf>,
  allocations: AllocationIndex,
  id: string,
  req = request(4 * TB),
) {
  const plan = planned(planPlacement(site, allocations, req));
  allocations.put(volumeOf(id, req, plan));
  return plan;
}

describe('whole-drive layouts', () => {
  const { site } = referenceSite();

  it('gives one drive, the smallest that fits', () => {
    const plan = planned(planPlacement(site, new AllocationIndex(), request(13 * TB)));
    expect(plan).toMatchObject({ layout: 'single', capacityBytes: 20 * TB });
  });

  it('stripes mirrored pairs of equal drives when none fits, capacity = pairs × drive, least waste first', () => {
    const big = { capacityBytes: 20 * TB };
    const striped = siteOf([
      shelf({ storageGroup: 'feed-1', bandwidthDomain: 'tor-1' }, 2, big),
      shelf({ storageGroup: 'feed-2', bandwidthDomain: 'tor-2' }, 2, big),
      shelf({ storageGroup: 'feed-1', bandwidthDomain: 'tor-3' }, 4, {}),
      shelf({ storageGroup: 'feed-2', bandwidthDomain: 'tor-4' }, 4, {}),
    ]);
    const plan = planned(
      planPlacement(striped, new AllocationIndex(), request(40 * TB, { softDomains: true })),
    );
    expect(plan).toMatchObject({ layout: 'raid10', capacityBytes: 40 * TB });
    expect(plan.members.map((m) => [m.set, m.copy])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(plan.members.every((m) => striped.drives.get(m.driveId)!.capacityBytes === 20 * TB)).toBe(true);
  });

  it('spreads successive volumes over the least-used enclosures, ties by id', () => {
    const shelves = [0, 1, 2].map(() => shelf({ storageGroup: 'feed-1' }, 4, {}));
    const even = siteOf(shelves);
    const allocations = new AllocationIndex();
    const used = [0, 1, 2, 3].map((i) => compose(even, allocations, `vol-${i}`).members[0]!.enclosureId);
    const ids = shelves.map((s) => s.enclosure.id).sort();
    expect(used.slice(0, 3).sort()).toEqual(ids);
    expect(used[3]).toBe(ids[0]);
  });

  it('uses only drives with health ok in online enclosures', () => {
    const offline = shelf({ state: 'offline' }, 4, {});
    const ailing = shelf({}, 3, {});
    const partly = siteOf([offline, ailing]);
    putDrive(partly, ailing.drives[0]!.id, { health: 'failed' });
    putDrive(partly, ailing.drives[1]!.id, { health: 'degraded' });
    const plan = planned(planPlacement(partly, new AllocationIndex(), request(4 * TB)));
    expect(plan.members[0]!.driveId).toBe(ailing.drives[2]!.id);
    expect(plan.explanation).toContain('type=hdd: 7 HDDs in the site, 1 healthy in online enclosures');
  });

  it('sees inventory changes: a drive that fails after a plan is not chosen again', () => {
    const one = shelf({}, 2, {});
    const changing = siteOf([one]);
    const first = planned(planPlacement(changing, new AllocationIndex(), request(4 * TB)));
    putDrive(changing, first.members[0]!.driveId, { health: 'failed' });
    const second = planned(planPlacement(changing, new AllocationIndex(), request(4 * TB)));
    expect(second.members[0]!.driveId).not.toBe(first.members[0]!.driveId);
  });

  it('never gives a drive twice, and says so when every candidate is allocated', () => {
    const small = siteOf([shelf({}, 3, {})]);
    const allocations = new AllocationIndex();
    const drives = [0, 1, 2].map((i) => compose(small, allocations, `vol-${i}`).members[0]!.driveId);
    expect(new Set(drives).size).toBe(3);
    const result = planPlacement(small, allocations, request(4 * TB));
    expect(result.ok || result.error).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: 'every one of the 3 candidate HDDs is allocated',
    });
  });

  it('is deterministic: the same state gives the same plan, whatever the inventory order', () => {
    const { shelves } = referenceSite();
    const forward = siteOf(Object.values(shelves));
    const backward = siteOf(Object.values(shelves).reverse());
    const req = request(30 * TB, { softDomains: true });
    const a = planned(planPlacement(forward, new AllocationIndex(), req));
    const b = planned(planPlacement(backward, new AllocationIndex(), req));
    expect(b).toEqual(a);
  });

  it('explains candidates after each filter, the layout and each choice', () => {
    const req = request(2 * TB, { redundancy: true, rpm: 7200, excludedTags: ['archive'] });
    const plan = planned(planPlacement(site, new AllocationIndex(), req));
    expect(plan.explanation[0]).toMatch(/^request pvc-test: 2 TB, type=hdd, rpm ≥ 7,200, redundancy=true/);
    expect(plan.explanation).toContain('type=hdd: 16 HDDs in the site, 16 healthy in online enclosures');
    expect(plan.explanation).toContain('excludedTags [archive]: 12 left');
    expect(plan.explanation.join('\n')).toMatch(/layout raid1: 2 TB fits on one drive/);
    expect(plan.explanation.filter((l) => /^set 0 copy [01]: /.test(l))).toHaveLength(2);
  });
});

describe('slices', () => {
  const twoSsds = () => siteOf([shelf({ kind: 'ebod' }, 2, ssd)]);
  const slice = (bytes: number, extra = {}) => request(bytes, { type: 'slice', ...extra });

  it('round sizes up to whole GiB and start 1 GiB-aligned', () => {
    const site = twoSsds();
    const allocations = new AllocationIndex();
    expect(compose(site, allocations, 'vol-a', slice(1)).members[0]!.slice).toEqual({
      offsetGiB: 0,
      sizeGiB: 1,
    });
    expect(compose(site, allocations, 'vol-b', slice(1.5 * GiB)).members[0]!.slice).toEqual({
      offsetGiB: 1,
      sizeGiB: 2,
    });
  });

  it('pack onto an SSD that already holds slices, keeping the other whole', () => {
    const site = twoSsds();
    const allocations = new AllocationIndex();
    const drives = [0, 1, 2].map(
      (i) => compose(site, allocations, `vol-${i}`, slice(10 * GiB)).members[0]!.driveId,
    );
    expect(new Set(drives).size).toBe(1);
    expect(
      compose(site, allocations, 'vol-whole', request(1 * TB, { type: 'ssd' })).members[0]!.driveId,
    ).not.toBe(drives[0]);
  });

  it('fill the smallest gap that holds them (best fit)', () => {
    const site = twoSsds();
    const allocations = new AllocationIndex();
    for (const [id, size] of [
      ['vol-a', 10],
      ['vol-b', 10],
      ['vol-c', 50],
      ['vol-d', 5],
    ] as const) {
      compose(site, allocations, id, slice(size * GiB));
    }
    allocations.remove('vol-b');
    // Free: a 10 GiB gap at 10, and everything after 75.
    expect(compose(site, allocations, 'vol-e', slice(8 * GiB)).members[0]!.slice).toEqual({
      offsetGiB: 10,
      sizeGiB: 8,
    });
    expect(compose(site, allocations, 'vol-f', slice(3 * GiB)).members[0]!.slice).toEqual({
      offsetGiB: 75,
      sizeGiB: 3,
    });
  });

  it('never land on a whole-allocated SSD, and a sliced SSD is never given whole', () => {
    const site = twoSsds();
    const allocations = new AllocationIndex();
    const sliced = compose(site, allocations, 'vol-s', slice(10 * GiB)).members[0]!.driveId;
    const whole = compose(site, allocations, 'vol-w', request(1 * TB, { type: 'ssd' })).members[0]!.driveId;
    expect(whole).not.toBe(sliced);
    expect(planPlacement(site, allocations, request(1 * TB, { type: 'ssd' })).ok).toBe(false);
    expect(compose(site, allocations, 'vol-s2', slice(3000 * GiB)).members[0]!.driveId).toBe(sliced);
    const full = planPlacement(site, allocations, slice(1000 * GiB));
    expect(full.ok || full.error).toMatchObject({
      code: 'RESOURCE_EXHAUSTED',
      message: 'no candidate SSD has 1,000 GiB free in one extent; the largest free extent is 566 GiB',
    });
  });
});

describe('on a generated site', () => {
  it('composes default requests and records them without clashes', () => {
    const site = inventoryOf(generateSite({ scale: 'small', seed: 7 }));
    const allocations = new AllocationIndex();
    const requests = [
      request(4 * TB),
      request(2 * TB, { redundancy: true }),
      request(50 * GiB, { type: 'slice' }),
    ];
    for (const [i, req] of requests.entries()) {
      const plan = planned(planPlacement(site, allocations, req));
      const volume = volumeOf(`vol-${i}`, req, plan);
      expect(allocations.conflicts(volume)).toEqual([]);
      allocations.put(volume);
    }
    expect(allocations.volumeCount).toBe(3);
  });
});
