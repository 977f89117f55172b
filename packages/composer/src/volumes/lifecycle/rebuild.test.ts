import { GIB, type Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { Result } from '../types.js';
import { evaluateHealth } from './evaluate-health.js';
import { advanceRebuilds } from './rebuild-advance.js';
import { startRebuild } from './rebuild-start.js';
import { fixture, planned, T0, testContext } from './testing/fixtures.js';
import type { Transition } from './transition.js';

// A 10 GiB slice mirror copied at a hundredth of a GiB per second: 1,000 s per rebuild.
const rate = GIB / 100;
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const ctx = (seconds: number, bytesPerSecond = rate) => ({ ...testContext(at(seconds)), bytesPerSecond });

function value(result: Result<Transition>): Transition {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A slice mirror whose copy 1 failed, and a planned replacement on a spare SSD. */
function degraded() {
  const f = fixture({ slice: true });
  f.site.setDrive(f.drives[1]!.id, 'failed');
  const volume = evaluateHealth(f.volume, f.site, testContext(at(0))).volume;
  const replacement = planned(f.spare[1]!, f.enclosures[1]!, 0, 1, 10);
  return { ...f, volume, replacement };
}

function rebuilding(): Volume {
  const { volume, replacement } = degraded();
  return value(startRebuild(volume, 1, replacement, ctx(0))).volume;
}

describe('startRebuild', () => {
  it('replaces the failed member with a rebuilding one and says when it will finish', () => {
    const { volume, replacement } = degraded();
    const result = value(startRebuild(volume, 1, replacement, ctx(0)));
    expect(result.volume.health).toBe('rebuilding');
    expect(result.volume.members[1]).toEqual({
      ...replacement,
      state: 'rebuilding',
      rebuild: { progress: 0, startedAt: at(0), eta: at(1000) },
    });
    expect(result.events).toMatchObject([
      { type: 'RebuildStarted', message: expect.stringContaining('10 GiB') },
    ]);
    expect(value(startRebuild(result.volume, 1, replacement, ctx(5)))).toEqual({
      volume: result.volume,
      events: [],
      changed: false,
    });
  });

  it('accepts the failed member itself as its replacement (a resync in place)', () => {
    const { volume } = degraded();
    const { state: _s, failedAt: _f, ...self } = volume.members[1]!;
    expect(value(startRebuild(volume, 1, self, ctx(0))).volume.members[1]?.state).toBe('rebuilding');
  });

  it('refuses members that are not failed and sets with no copy to read', () => {
    const { volume, replacement, site, drives } = degraded();
    expect(startRebuild(volume, 0, { ...replacement, copy: 0 }, ctx(0))).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringMatching(/is active/) },
    });
    site.setDrive(drives[0]!.id, 'failed');
    const lost = evaluateHealth(volume, site, testContext(at(1))).volume;
    expect(startRebuild(lost, 1, replacement, ctx(1))).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringMatching(/no active copy/) },
    });
  });

  it.each([
    ['a member that does not exist', 7, {}, 'memberIndex'],
    ['another set or copy', 1, { copy: 0 }, 'replacement'],
    ['a smaller slice', 1, { slice: { offsetGiB: 0, sizeGiB: 9 } }, 'replacement.slice'],
    ['a whole drive for a slice', 1, { slice: undefined }, 'replacement.slice'],
  ])('rejects %s as INVALID_ARGUMENT', (_what, index, change, field) => {
    const { volume, replacement } = degraded();
    expect(startRebuild(volume, index, { ...replacement, ...change }, ctx(0))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field },
    });
  });

  it('rejects the drive of the surviving copy and a rate that is not positive', () => {
    const { volume, replacement } = degraded();
    const survivor = volume.members[0]!.driveId;
    expect(startRebuild(volume, 1, { ...replacement, driveId: survivor }, ctx(0))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'replacement.driveId' },
    });
    expect(startRebuild(volume, 1, replacement, ctx(0, 0))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'bytesPerSecond' },
    });
  });
});

describe('advanceRebuilds', () => {
  it('reports progress at most once per tenth and keeps the ETA', () => {
    const volume = rebuilding();
    const quarter = advanceRebuilds(volume, ctx(250));
    expect(quarter.volume.members[1]?.rebuild).toEqual({ progress: 0.25, startedAt: at(0), eta: at(1000) });
    expect(quarter.events).toMatchObject([
      { type: 'RebuildProgress', at: at(250), message: expect.stringContaining(`25%, ETA ${at(1000)}`) },
    ]);
    expect(advanceRebuilds(quarter.volume, ctx(250))).toEqual({
      volume: quarter.volume,
      events: [],
      changed: false,
    });
    const later = advanceRebuilds(quarter.volume, ctx(260));
    expect(later).toMatchObject({ changed: true, events: [] });
    expect(later.volume.members[1]?.rebuild?.progress).toBe(0.26);
  });

  it('completes exactly at its ETA', () => {
    const volume = rebuilding();
    const eta = volume.members[1]?.rebuild?.eta ?? '';
    const done = advanceRebuilds(volume, { ...testContext(eta), bytesPerSecond: rate });
    expect(done.volume.members[1]?.state).toBe('active');
  });

  it('completes: the member becomes active and the volume recovers', () => {
    const done = advanceRebuilds(rebuilding(), ctx(1500));
    expect(done.volume.health).toBe('healthy');
    expect(done.volume.members[1]).not.toHaveProperty('rebuild');
    expect(done.volume.members[1]?.state).toBe('active');
    expect(done.events.map((e) => e.type)).toEqual(['RebuildCompleted', 'VolumeRecovered']);
    expect(advanceRebuilds(done.volume, ctx(2000)).changed).toBe(false);
  });

  it('never goes back when the rate drops, and recomputes the ETA from the new rate', () => {
    const half = advanceRebuilds(rebuilding(), ctx(500)).volume;
    const slower = advanceRebuilds(half, ctx(600, rate / 10));
    expect(slower.volume.members[1]?.rebuild).toMatchObject({ progress: 0.5, eta: at(600 + 5000) });
  });

  it('pauses without a positive rate or without a source', () => {
    const volume = rebuilding();
    expect(advanceRebuilds(volume, ctx(500, 0)).changed).toBe(false);
    const sourceless: Volume = {
      ...volume,
      members: [{ ...volume.members[0]!, state: 'failed' }, volume.members[1]!],
    };
    expect(advanceRebuilds(sourceless, ctx(500)).changed).toBe(false);
  });
});

describe('member history', () => {
  it('names the drive that failed, when, its replacement, and when the rebuild completed', () => {
    const { volume, replacement, drives } = degraded();
    expect(volume.memberHistory).toEqual([
      { at: at(0), kind: 'failed', set: 0, copy: 1, driveId: drives[1]!.id },
    ]);
    const started = value(startRebuild(volume, 1, replacement, ctx(10))).volume;
    expect(started.memberHistory?.at(-1)).toEqual({
      at: at(10),
      kind: 'replacing',
      set: 0,
      copy: 1,
      driveId: drives[1]!.id,
      replacementDriveId: replacement.driveId,
    });
    const done = advanceRebuilds(started, ctx(2_000)).volume;
    expect(done.memberHistory?.map((c) => c.kind)).toEqual(['failed', 'replacing', 'rebuilt']);
    expect(done.memberHistory?.at(-1)).toMatchObject({ kind: 'rebuilt', driveId: replacement.driveId });
  });

  it('keeps only the newest changes', () => {
    let volume = rebuilding();
    for (let i = 0; i < 30; i++)
      volume = { ...volume, memberHistory: [...(volume.memberHistory ?? []), volume.memberHistory![0]!] };
    const { replacement } = degraded();
    const failedAgain = {
      ...volume,
      members: volume.members.map((m, i) => (i === 1 ? { ...m, state: 'failed' as const } : m)),
    };
    const next = value(startRebuild(failedAgain, 1, replacement, ctx(5))).volume;
    expect(next.memberHistory).toHaveLength(20);
    expect(next.memberHistory?.at(-1)?.kind).toBe('replacing');
  });
});
