import { type StorageClassParametersInput, StorageClassParametersSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { AllocationIndex } from './allocation-index.js';
import { availableCapacity } from './available-capacity.js';
import { planPlacement } from './plan-placement.js';
import { putDrive, request, shelf, siteOf, TB } from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const params = (p: StorageClassParametersInput = {}) => StorageClassParametersSchema.parse(p);
const ssd = { media: 'ssd' as const, capacityBytes: 4 * TB, rpm: 0, tags: ['nvme'] };

describe('availableCapacity (CSI GetCapacity)', () => {
  const hdds = shelf({ storageGroup: 'feed-1' }, 4, { capacityBytes: 12 * TB });
  const big = shelf({ storageGroup: 'feed-2' }, 2, { capacityBytes: 20 * TB, tags: ['archive'] });
  const ssds = shelf({ kind: 'ebod' }, 2, ssd);
  const site = siteOf([hdds, big, ssds]);
  putDrive(site, hdds.drives[3]!.id, { health: 'failed' });
  const member = (driveId: string, enclosureId: string) => ({
    driveId,
    enclosureId,
    storageGroup: 'g',
    set: 0,
    copy: 0,
  });
  const allocations = AllocationIndex.fromVolumes([
    { id: 'held', capacityBytes: 12 * TB, members: [member(hdds.drives[0]!.id, hdds.enclosure.id)] },
    {
      id: 'slice',
      capacityBytes: 100 * GiB,
      members: [{ ...member(ssds.drives[0]!.id, ssds.enclosure.id), slice: { offsetGiB: 0, sizeGiB: 100 } }],
    },
  ]);

  it('counts free healthy whole drives of the media, and the largest single volume', () => {
    const report = availableCapacity(site, allocations, params({ type: 'hdd', striping: false }));
    // Two free 12 TB (one held, one failed) and two 20 TB.
    expect(report.availableBytes).toBe(BigInt(2 * 12 * TB + 2 * 20 * TB));
    expect(report.maximumVolumeBytes).toBe(20 * TB);
    expect(report.explanation.join(' ')).toMatch(/4 free drives/);
  });

  it('halves what mirrored classes get, and a pair is as large as its smaller drive', () => {
    const report = availableCapacity(
      site,
      allocations,
      params({ type: 'hdd', redundancy: true, striping: false }),
    );
    expect(report.availableBytes).toBe(BigInt(2 * 12 * TB + 2 * 20 * TB) / 2n);
    expect(report.maximumVolumeBytes).toBe(20 * TB);
  });

  it('with striping, a RAID10 across pairs can exceed one drive', () => {
    const report = availableCapacity(site, allocations, params({ type: 'hdd', striping: true }));
    // Two pairs from {20, 20, 12, 12}: each member as small as the smallest, 12 TB: 2 × 12 TB.
    expect(report.maximumVolumeBytes).toBe(24 * TB);
  });

  it('honours the drive filters (tags, storage groups) and maxVolumeSize', () => {
    expect(
      availableCapacity(site, allocations, params({ type: 'hdd', requiredTags: ['archive'] })).availableBytes,
    ).toBe(BigInt(40 * TB));
    const capped = availableCapacity(site, allocations, params({ type: 'hdd', maxVolumeSize: 1 * TB }));
    expect(capped.maximumVolumeBytes).toBe(1 * TB);
    const none = availableCapacity(site, allocations, params({ type: 'hdd', storageGroup: ['nowhere'] }));
    expect(none).toMatchObject({ availableBytes: 0n, maximumVolumeBytes: 0 });
  });

  it('counts slices by free GiB on SSDs not held whole, and whole SSDs only if untouched', () => {
    const sliceable = Math.floor((4 * TB) / GiB);
    const slices = availableCapacity(site, allocations, params({ type: 'slice' }));
    expect(slices.availableBytes).toBe(BigInt((2 * sliceable - 100) * GiB));
    expect(slices.maximumVolumeBytes).toBe(sliceable * GiB);
    expect(slices.minimumVolumeBytes).toBe(GiB);
    const whole = availableCapacity(site, allocations, params({ type: 'ssd' }));
    expect(whole.availableBytes).toBe(BigInt(4 * TB));
  });

  it('sums past 2^53 bytes without losing a byte', () => {
    const many = shelf({}, 500, { capacityBytes: 20 * TB + 1 });
    const huge = siteOf([many]);
    const report = availableCapacity(huge, AllocationIndex.fromVolumes([]), params({ type: 'hdd' }));
    expect(report.availableBytes).toBe(500n * BigInt(20 * TB + 1));
    expect(report.availableBytes > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });
});

describe('limitBytes (CSI capacity_range.limit_bytes)', () => {
  const site = siteOf([shelf({}, 4, { capacityBytes: 12 * TB })]);
  const none = AllocationIndex.fromVolumes([]);

  it('refuses a placement larger than the limit, naming both sizes', () => {
    const result = planPlacement(site, none, { ...request(500 * GiB, { type: 'hdd' }), limitBytes: 1 * TB });
    expect(!result.ok && result.error).toMatchObject({
      code: 'OUT_OF_RANGE',
      field: 'limitBytes',
      message: expect.stringMatching(/more than the limit/),
    });
  });

  it('accepts a placement within the limit, and refuses a limit below the request', () => {
    expect(
      planPlacement(site, none, { ...request(500 * GiB, { type: 'hdd' }), limitBytes: 12 * TB }).ok,
    ).toBe(true);
    const below = planPlacement(site, none, { ...request(500 * GiB, { type: 'hdd' }), limitBytes: 1 * GiB });
    expect(!below.ok && below.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'limitBytes' });
  });
});
