import { GIB, type Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { PlannedMember } from '../types.js';
import { controllerPublish } from './controller-publish.js';
import { expandVolume } from './expand-volume.js';
import { fixture, testContext } from './testing/fixtures.js';

const context = testContext('2026-11-22T05:00:00.000Z');

/** Placement's answer for growing every slice of the volume in place to `sizeGiB`. */
function grown(volume: Volume, sizeGiB: number): PlannedMember[] {
  return volume.members.map(({ state: _state, rebuild: _rebuild, ...m }) => ({
    ...m,
    slice: { offsetGiB: m.slice?.offsetGiB ?? 0, sizeGiB },
  }));
}

describe('expandVolume', () => {
  it('grows a published slice mirror online', () => {
    const { volume: created, server, site } = fixture({ slice: true });
    const published = controllerPublish(created, server, site, context);
    if (!published.ok) throw new Error(published.error.message);
    const volume = published.value.volume;
    const result = expandVolume(volume, grown(volume, 20), 20 * GIB, context);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.volume).toMatchObject({ capacityBytes: 20 * GIB, lifecycle: 'ControllerPublished' });
    expect(result.value.volume.members.map((m) => [m.slice?.sizeGiB, m.state])).toEqual([
      [20, 'active'],
      [20, 'active'],
    ]);
    expect(result.value.volume.request).toEqual(volume.request);
    expect(result.value.events).toMatchObject([
      { type: 'VolumeExpanded', message: expect.stringContaining('from 10 GiB to 20 GiB') },
    ]);
  });

  it('is idempotent at the current size, rounding up to whole GiB', () => {
    const { volume } = fixture({ slice: true });
    expect(expandVolume(volume, [], 10 * GIB, context)).toEqual({
      ok: true,
      value: { volume, events: [], changed: false },
    });
    expect(expandVolume(volume, [], 9.5 * GIB, context)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
  });

  it('refuses to shrink, to pass maxVolumeSize, or to grow whole drives', () => {
    const { volume } = fixture({
      slice: true,
      request: { parameters: { type: 'slice', maxVolumeSize: 15 * GIB } },
    });
    expect(expandVolume(volume, grown(volume, 9), 9 * GIB, context)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_RANGE', field: 'capacityBytes' },
    });
    expect(expandVolume(volume, grown(volume, 20), 20 * GIB, context)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_RANGE', message: expect.stringContaining('15 GiB') },
    });
    const hdd = fixture().volume;
    expect(expandVolume(hdd, [], 2 * hdd.capacityBytes, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('only slice volumes') },
    });
  });

  it('refuses a Released or degraded volume, and slices that moved or are too small', () => {
    const { volume } = fixture({ slice: true });
    expect(
      expandVolume({ ...volume, lifecycle: 'Released' }, grown(volume, 20), 20 * GIB, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    expect(
      expandVolume({ ...volume, health: 'degraded' }, grown(volume, 20), 20 * GIB, context),
    ).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    const moved = grown(volume, 20).map((m) => ({ ...m, slice: { offsetGiB: 100, sizeGiB: 20 } }));
    expect(expandVolume(volume, moved, 20 * GIB, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'members' },
    });
    expect(expandVolume(volume, grown(volume, 15), 20 * GIB, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'members', message: expect.stringContaining('15 GiB') },
    });
    expect(expandVolume(volume, grown(volume, 20), 0, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'capacityBytes' },
    });
  });
});
