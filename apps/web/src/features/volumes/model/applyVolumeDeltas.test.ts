import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildMember, buildVolume, volumeDelta } from '../../../shared/testing/buildVolume';
import { applyVolumeDeltas, applyVolumeDeltasToOne } from './applyVolumeDeltas';
import { isSortedByName } from './byName';

const names = (list: readonly Volume[]) => list.map((v) => v.name);
const base = () => [
  buildVolume({ name: 'pvc-a' }),
  buildVolume({ name: 'pvc-c', health: 'degraded' }),
  buildVolume({ name: 'pvc-e' }),
];

describe('applyVolumeDeltas', () => {
  it('inserts a new volume in name order', () => {
    const list = applyVolumeDeltas(base(), [volumeDelta.put(11, buildVolume({ name: 'pvc-d' }))], {});
    expect(names(list)).toEqual(['pvc-a', 'pvc-c', 'pvc-d', 'pvc-e']);
  });

  it('inserts before the first and after the last', () => {
    const list = applyVolumeDeltas(
      base(),
      [
        volumeDelta.put(11, buildVolume({ name: 'pvc-z' })),
        volumeDelta.put(12, buildVolume({ name: 'a-0' })),
      ],
      {},
    );
    expect(names(list)).toEqual(['a-0', 'pvc-a', 'pvc-c', 'pvc-e', 'pvc-z']);
  });

  it('updates a volume in place and keeps the others as they were', () => {
    const before = base();
    const failed = buildVolume({ name: 'pvc-c', health: 'failed' });
    const list = applyVolumeDeltas(before, [volumeDelta.put(11, failed)], {});
    expect(list[1]).toBe(failed);
    expect(list[0]).toBe(before[0]);
    expect(before[1]?.health).toBe('degraded');
  });

  it('deletes a volume and ignores deletes of unknown ids', () => {
    const list = applyVolumeDeltas(
      base(),
      [volumeDelta.remove(11, 'pvc-c'), volumeDelta.remove(12, 'nope')],
      {},
    );
    expect(names(list)).toEqual(['pvc-a', 'pvc-e']);
  });

  it('takes the last word on a volume within one batch', () => {
    const list = applyVolumeDeltas(
      base(),
      [
        volumeDelta.remove(11, 'pvc-a'),
        volumeDelta.put(12, buildVolume({ name: 'pvc-a', lifecycle: 'Released' })),
        volumeDelta.put(13, buildVolume({ name: 'pvc-b' })),
        volumeDelta.remove(14, 'pvc-b'),
      ],
      {},
    );
    expect(names(list)).toEqual(['pvc-a', 'pvc-c', 'pvc-e']);
    expect(list[0]?.lifecycle).toBe('Released');
  });

  it('moves volumes in and out of a filtered list as they change', () => {
    const degraded = [buildVolume({ name: 'pvc-c', health: 'degraded' })];
    const healed = applyVolumeDeltas(degraded, [volumeDelta.put(11, buildVolume({ name: 'pvc-c' }))], {
      health: 'degraded',
    });
    expect(healed).toEqual([]);
    const broke = applyVolumeDeltas(
      healed,
      [volumeDelta.put(12, buildVolume({ name: 'pvc-a', health: 'degraded' }))],
      { health: 'degraded' },
    );
    expect(names(broke)).toEqual(['pvc-a']);
  });

  it('leaves out new volumes that do not match, by type, cluster, storage group and drive', () => {
    const slice = buildVolume({
      name: 'pvc-s',
      cluster: 'prod',
      members: [
        buildMember({ driveId: 'ssd-1', storageGroup: 'sg-b', slice: { offsetGiB: 0, sizeGiB: 94 } }),
      ],
    });
    slice.request.parameters.type = 'slice';
    const put = [volumeDelta.put(11, slice)];
    expect(applyVolumeDeltas([], put, { type: 'hdd' })).toEqual([]);
    expect(applyVolumeDeltas([], put, { type: 'slice' })).toHaveLength(1);
    expect(applyVolumeDeltas([], put, { cluster: 'default' })).toEqual([]);
    expect(applyVolumeDeltas([], put, { storageGroup: 'sg-a' })).toEqual([]);
    expect(applyVolumeDeltas([], put, { storageGroup: 'sg-b', drive: 'ssd-1' })).toHaveLength(1);
    expect(applyVolumeDeltas([], put, { drive: 'drive-1' })).toEqual([]);
  });

  it('drops a volume from a drive list when the drive is replaced out of it', () => {
    const onDrive = [buildVolume({ name: 'pvc-a', members: [buildMember({ driveId: 'd1' })] })];
    const moved = buildVolume({ name: 'pvc-a', members: [buildMember({ driveId: 'd2' })] });
    expect(applyVolumeDeltas(onDrive, [volumeDelta.put(11, moved)], { drive: 'd1' })).toEqual([]);
  });

  it('returns the same list when nothing in it changed', () => {
    const list = base();
    expect(applyVolumeDeltas(list, [], {})).toBe(list);
    expect(applyVolumeDeltas(list, [volumeDelta.remove(11, 'nope')], {})).toBe(list);
    const other = buildVolume({ name: 'pvc-x', health: 'healthy' });
    expect(applyVolumeDeltas(list, [volumeDelta.put(11, other)], { health: 'failed' })).toBe(list);
  });

  it('keeps 50,000 volumes in order when a batch of 200 lands (speed: bench/, not here)', () => {
    const big = Array.from({ length: 50_000 }, (_, i) =>
      buildVolume({ name: `pvc-${String(i * 2).padStart(6, '0')}` }),
    );
    const deltas = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? volumeDelta.put(i, buildVolume({ name: `pvc-${String(i * 97 + 1).padStart(6, '0')}` }))
        : volumeDelta.put(
            i,
            buildVolume({ name: `pvc-${String(i * 98).padStart(6, '0')}`, health: 'failed' }),
          ),
    );
    const list = applyVolumeDeltas(big, deltas, {});
    expect(list).toHaveLength(50_100);
    expect(isSortedByName(list)).toBe(true);
    expect(list.filter((v) => v.health === 'failed')).toHaveLength(100);
  });
});

describe('applyVolumeDeltasToOne', () => {
  it('follows puts and deletes of that volume only', () => {
    const volume = buildVolume({ name: 'pvc-a' });
    const failed = buildVolume({ name: 'pvc-a', health: 'failed' });
    expect(
      applyVolumeDeltasToOne(volume, [volumeDelta.put(1, buildVolume({ name: 'pvc-b' }))], 'pvc-a'),
    ).toBe(volume);
    expect(applyVolumeDeltasToOne(volume, [volumeDelta.put(1, failed)], 'pvc-a')).toBe(failed);
    expect(applyVolumeDeltasToOne(volume, [volumeDelta.remove(2, 'pvc-a')], 'pvc-a')).toBeNull();
    expect(applyVolumeDeltasToOne(null, [volumeDelta.put(3, failed)], 'pvc-a')).toBe(failed);
  });
});
