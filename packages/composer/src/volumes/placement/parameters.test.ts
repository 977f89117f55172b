import { describe, expect, it } from 'vitest';
import { drive, failsWith, type Row, runRow, sameAsDefault, succeeds } from './testing/parameter-table.js';
import { TB } from './testing/placement-fixtures.js';

const GiB = 1024 ** 3;
const soft = { softDomains: true };

/** Parameters that shape the volume: type, rpm, fsType, encrypt, striping, redundancy, raidMaxDrives, sizes. */
const rows: Row[] = [
  // type
  {
    name: 'type defaults to hdd: a whole HDD',
    size: 4 * TB,
    parameters: {},
    check: succeeds((p) => {
      expect(p).toMatchObject({ media: 'hdd', layout: 'single' });
      expect(p.members[0]!.slice).toBeUndefined();
    }),
  },
  {
    name: 'type=ssd: a whole SSD',
    size: 3 * TB,
    parameters: { type: 'ssd' },
    check: succeeds((p) => {
      expect(p).toMatchObject({ media: 'ssd', layout: 'single', capacityBytes: 3.84 * TB });
      expect(p.members[0]!.slice).toBeUndefined();
    }),
  },
  {
    name: 'type=slice: a right-sized slice of an SSD',
    size: 100 * GiB,
    parameters: { type: 'slice' },
    check: succeeds((p) => {
      expect(p).toMatchObject({ media: 'ssd', layout: 'single', capacityBytes: 100 * GiB });
      expect(p.members[0]!.slice).toEqual({ offsetGiB: 0, sizeGiB: 100 });
    }),
  },
  // rpm
  {
    name: 'rpm defaults to any: the smallest drive that fits (2.4 TB 10k)',
    size: 2 * TB,
    parameters: {},
    check: succeeds((p) => {
      expect(drive(p.members[0]!.driveId).capacityBytes).toBe(2.4 * TB);
    }),
  },
  {
    name: 'rpm=10000 keeps 10k drives',
    size: 2 * TB,
    parameters: { rpm: 10_000 },
    check: succeeds((p) => {
      expect(drive(p.members[0]!.driveId).rpm).toBeGreaterThanOrEqual(10_000);
    }),
  },
  {
    name: 'rpm=15000 fails naming rpm and the fastest drive',
    size: 2 * TB,
    parameters: { rpm: 15_000 },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.rpm', /rpm ≥ 15,000.*fastest spins at 10,000 rpm/),
  },
  {
    name: 'rpm is ignored for ssd',
    size: 3 * TB,
    parameters: { type: 'ssd', rpm: 15_000 },
    check: succeeds((p) => expect(p.media).toBe('ssd')),
  },
  {
    name: 'rpm is ignored for slice',
    size: 10 * GiB,
    parameters: { type: 'slice', rpm: 15_000 },
    check: succeeds((p) => expect(p.media).toBe('ssd')),
  },
  // fsType and encrypt apply at publish
  {
    name: 'fsType defaults to ext4 and does not change placement',
    size: 4 * TB,
    parameters: { fsType: 'ext4' },
    check: sameAsDefault,
  },
  {
    name: 'fsType=xfs does not change placement',
    size: 4 * TB,
    parameters: { fsType: 'xfs' },
    check: sameAsDefault,
  },
  {
    name: 'encrypt defaults to false and does not change placement',
    size: 4 * TB,
    parameters: { encrypt: false },
    check: sameAsDefault,
  },
  {
    name: 'encrypt=true does not change placement',
    size: 4 * TB,
    parameters: { encrypt: true },
    check: sameAsDefault,
  },
  // striping
  {
    name: 'striping defaults to true: RAID10 of mirrored pairs when one drive is too small',
    size: 30 * TB,
    parameters: soft,
    check: succeeds((p) => {
      expect(p).toMatchObject({ layout: 'raid10', capacityBytes: 36 * TB });
      expect(p.members).toHaveLength(6);
      expect(new Set(p.members.map((m) => m.set))).toEqual(new Set([0, 1, 2]));
    }),
  },
  {
    name: 'striping=false fails when one drive is too small',
    size: 30 * TB,
    parameters: { ...soft, striping: false },
    check: failsWith('RESOURCE_EXHAUSTED', 'parameters.striping', /does not fit on one drive.*20 TB/),
  },
  {
    name: 'striping does not apply to slices: a slice larger than any SSD is OUT_OF_RANGE',
    size: 5 * TB,
    parameters: { type: 'slice' },
    check: failsWith('OUT_OF_RANGE', 'capacityBytes', /never spans SSDs/),
  },
  // redundancy
  {
    name: 'redundancy defaults to false: one drive',
    size: 4 * TB,
    parameters: {},
    check: succeeds((p) => expect(p.layout).toBe('single')),
  },
  {
    name: 'redundancy=true: a RAID1 pair',
    size: 4 * TB,
    parameters: { redundancy: true },
    check: succeeds((p) => {
      expect(p).toMatchObject({ layout: 'raid1', capacityBytes: 12 * TB });
      expect(p.members.map((m) => m.copy)).toEqual([0, 1]);
    }),
  },
  {
    name: 'redundancy=true for slices: two slices on different SSDs',
    size: 10 * GiB,
    parameters: { type: 'slice', redundancy: true },
    check: succeeds((p) => {
      expect(p.layout).toBe('raid1');
      expect(p.members[0]!.driveId).not.toBe(p.members[1]!.driveId);
    }),
  },
  // raidMaxDrives
  {
    name: 'raidMaxDrives defaults to 16',
    size: 30 * TB,
    parameters: soft,
    check: succeeds((p) => expect(p.members.length).toBeLessThanOrEqual(16)),
  },
  {
    name: 'raidMaxDrives=2 cannot hold a stripe',
    size: 30 * TB,
    parameters: { ...soft, raidMaxDrives: 2 },
    check: failsWith('OUT_OF_RANGE', 'parameters.raidMaxDrives', /needs 4 drives/),
  },
  // min/maxVolumeSize
  {
    name: 'minVolumeSize: smaller requests are OUT_OF_RANGE',
    size: 4 * TB,
    parameters: { minVolumeSize: 5 * TB },
    check: failsWith(
      'OUT_OF_RANGE',
      'parameters.minVolumeSize',
      /minVolumeSize: 4 TB requested, at least 5 TB/,
    ),
  },
  {
    name: 'minVolumeSize: requests at the limit pass',
    size: 4 * TB,
    parameters: { minVolumeSize: 4 * TB },
    check: sameAsDefault,
  },
  {
    name: 'maxVolumeSize: larger requests are OUT_OF_RANGE',
    size: 4 * TB,
    parameters: { maxVolumeSize: 1 * TB },
    check: failsWith(
      'OUT_OF_RANGE',
      'parameters.maxVolumeSize',
      /maxVolumeSize: 4 TB requested, at most 1 TB/,
    ),
  },
  {
    name: 'minVolumeSize > maxVolumeSize contradicts itself',
    size: 4 * TB,
    parameters: { minVolumeSize: 5 * TB, maxVolumeSize: 1 * TB },
    check: failsWith('INVALID_ARGUMENT', 'parameters.minVolumeSize', /larger than maxVolumeSize/),
  },
];

describe('StorageClass parameters that shape the volume, defaults included', () => {
  it.each(rows)('$name', runRow);
});
