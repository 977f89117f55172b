import { type PlacementPreview, VolumeRequestSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildMember } from '../../../shared/testing/buildVolume';
import { allocationNote } from './allocationNote';

const request = (capacityBytes: number, type: 'hdd' | 'slice', redundancy = false) =>
  VolumeRequestSchema.parse({ name: 'pvc-1', capacityBytes, parameters: { type, redundancy } });
const preview = (
  capacityBytes: number,
  layout: 'single' | 'raid1',
  media: 'hdd' | 'ssd',
  members = 2,
): PlacementPreview => ({
  feasible: true,
  layout,
  media,
  capacityBytes,
  members: Array.from({ length: members }, (_, copy) => buildMember({ copy })),
  explanation: [],
  warnings: [],
});

describe('allocationNote', () => {
  it('says before composing that a 500 GB HDD mirror takes two whole 12 TB drives, and what to change', () => {
    const note = allocationNote(request(500e9, 'hdd', true), preview(12e12, 'raid1', 'hdd'));
    expect(note?.surprise).toBe(true);
    expect(note?.text).toMatch(
      /^You asked for 500(\.0)? GB; composing allocates 2 whole HDDs, each copy on its own drive \(RAID1\): 12(\.0)? TB usable, because whole drives are never split\./,
    );
    expect(note?.text).toMatch(/slice/);
  });

  it('is plain when what is allocated is about what was asked', () => {
    const note = allocationNote(
      request(20 * 1024 ** 3, 'slice'),
      preview(20 * 1024 ** 3, 'single', 'ssd', 1),
    );
    expect(note).toEqual({
      surprise: false,
      text: expect.stringMatching(/^Composing allocates 1 slice: .* usable for the .* asked\.$/),
    });
  });

  it('says nothing for a request that does not fit (the preview says why)', () => {
    expect(
      allocationNote(request(1e12, 'hdd'), {
        feasible: false,
        error: { code: 'RESOURCE_EXHAUSTED', message: 'x' },
      }),
    ).toBeNull();
  });
});
