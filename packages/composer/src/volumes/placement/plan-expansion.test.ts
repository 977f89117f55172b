import { describe, expect, it } from 'vitest';
import type { PlacementPlan, Result } from '../types.js';
import { AllocationIndex } from './allocation-index.js';
import { expandedCapacityBytes, planExpansion } from './plan-expansion.js';
import { planPlacement } from './plan-placement.js';
import { referenceSite, request, shelf, siteOf, TB, volumeOf } from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const ssd = { media: 'ssd' as const, capacityBytes: 3.84 * TB, rpm: 0, tags: ['nvme'] };

function planned(result: Result<PlacementPlan>): PlacementPlan {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function setup() {
  const site = siteOf([shelf({ kind: 'ebod' }, 1, ssd)]);
  const allocations = new AllocationIndex();
  const compose = (id: string, bytes: number, extra = {}) => {
    const req = request(bytes, { type: 'slice', ...extra });
    const volume = volumeOf(id, req, planned(planPlacement(site, allocations, req)));
    allocations.put(volume);
    return volume;
  };
  return { site, allocations, compose };
}

describe('planExpansion', () => {
  it('grows a slice in place into the free GiB after it', () => {
    const { site, allocations, compose } = setup();
    const volume = compose('vol-a', 10 * GiB);
    const result = planExpansion(site, allocations, volume, 25 * GiB + 1);
    expect(result).toEqual({
      ok: true,
      value: [expect.objectContaining({ slice: { offsetGiB: 0, sizeGiB: 26 } })],
    });
    expect(expandedCapacityBytes(25 * GiB + 1)).toBe(26 * GiB);
  });

  it('grows every slice of a mirrored slice volume', () => {
    const { site } = referenceSite();
    const allocations = new AllocationIndex();
    const req = request(10 * GiB, { type: 'slice', redundancy: true });
    const volume = volumeOf('vol-m', req, planned(planPlacement(site, allocations, req)));
    allocations.put(volume);
    const result = planExpansion(site, allocations, volume, 20 * GiB);
    expect(result.ok && result.value.map((m) => m.slice?.sizeGiB)).toEqual([20, 20]);
  });

  it('is RESOURCE_EXHAUSTED, naming the next slice, when the room after it is taken', () => {
    const { site, allocations, compose } = setup();
    const volume = compose('vol-a', 10 * GiB);
    compose('vol-b', 10 * GiB);
    const result = planExpansion(site, allocations, volume, 15 * GiB);
    expect(result.ok || result.error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', field: 'capacityBytes' });
    expect(result.ok || result.error.message).toMatch(
      /grow in place to 10 GiB at most \(the slice of vol-b starts at 10 GiB\)/,
    );
  });

  it('stops at the end of the SSD', () => {
    const { site, allocations, compose } = setup();
    const volume = compose('vol-a', 3000 * GiB);
    const result = planExpansion(site, allocations, volume, 3600 * GiB);
    expect(result.ok || result.error.message).toMatch(/3,576 GiB at most \(the SSD ends there\)/);
  });

  it('treats the current size as a no-op and shrinking as OUT_OF_RANGE', () => {
    const { site, allocations, compose } = setup();
    const volume = compose('vol-a', 10 * GiB);
    const same = planExpansion(site, allocations, volume, 10 * GiB);
    expect(same.ok && same.value).toEqual([
      expect.objectContaining({ slice: { offsetGiB: 0, sizeGiB: 10 } }),
    ]);
    expect(planExpansion(site, allocations, volume, 5 * GiB)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_RANGE' },
    });
  });

  it('honours maxVolumeSize', () => {
    const { site, allocations, compose } = setup();
    const volume = compose('vol-a', 10 * GiB, { maxVolumeSize: 20 * GiB });
    const result = planExpansion(site, allocations, volume, 30 * GiB);
    expect(result.ok || result.error).toMatchObject({
      code: 'OUT_OF_RANGE',
      field: 'parameters.maxVolumeSize',
    });
  });

  it('refuses whole-drive volumes and members that are not active', () => {
    const { site } = referenceSite();
    const allocations = new AllocationIndex();
    const req = request(4 * TB);
    const whole = volumeOf('vol-w', req, planned(planPlacement(site, allocations, req)));
    const refused = planExpansion(site, allocations, whole, 5 * TB);
    expect(refused.ok || refused.error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(refused.ok || refused.error.message).toMatch(
      /only slice volumes can grow; vol-w is single over whole HDDs/,
    );
    const { allocations: a2, compose, site: s2 } = setup();
    const sliced = compose('vol-a', 10 * GiB);
    const failed = { ...sliced, members: sliced.members.map((m) => ({ ...m, state: 'failed' as const })) };
    expect(planExpansion(s2, a2, failed, 20 * GiB)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
  });
});
