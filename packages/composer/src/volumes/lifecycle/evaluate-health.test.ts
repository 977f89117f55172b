import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { evaluateHealth } from './evaluate-health.js';
import { fixture, testContext } from './testing/fixtures.js';

const T1 = '2026-11-22T01:00:00.000Z';
const T2 = '2026-11-22T02:00:00.000Z';
const T3 = '2026-11-22T03:00:00.000Z';

const states = (volume: Volume) => volume.members.map((m) => m.state);

describe('evaluateHealth', () => {
  it('degrades a mirror that loses a leg, once', () => {
    const { volume, site, drives } = fixture();
    site.setDrive(drives[1]!.id, 'failed');
    const result = evaluateHealth(volume, site, testContext(T1));
    expect(result.changed).toBe(true);
    expect(result.volume).toMatchObject({ health: 'degraded', updatedAt: T1 });
    expect(result.volume.members[1]).toMatchObject({ state: 'failed', failedAt: T1 });
    expect(result.events).toMatchObject([
      {
        type: 'VolumeDegraded',
        severity: 'warning',
        at: T1,
        message: expect.stringContaining(drives[1]!.id),
      },
    ]);
    expect(evaluateHealth(result.volume, site, testContext(T2))).toEqual({
      volume: result.volume,
      events: [],
      changed: false,
    });
  });

  it('fails a mirror that loses both legs, and a single volume that loses its drive', () => {
    const mirror = fixture();
    mirror.site.setDrive(mirror.drives[0]!.id, 'failed');
    mirror.site.setDrive(mirror.drives[1]!.id, 'offline');
    const failed = evaluateHealth(mirror.volume, mirror.site, testContext(T1));
    expect(failed.volume.health).toBe('failed');
    expect(failed.events).toMatchObject([{ type: 'VolumeFailed', severity: 'critical' }]);
    const single = fixture({ copies: 1 });
    single.site.drives.delete(single.drives[0]!.id);
    expect(evaluateHealth(single.volume, single.site, testContext(T1)).volume.health).toBe('failed');
  });

  it('treats an offline enclosure like failed drives, and a degraded drive as still serving', () => {
    const { volume, site, drives, enclosures } = fixture({ sets: 2 });
    site.setDrive(drives[0]!.id, 'degraded');
    site.setEnclosure(enclosures[1]!.id, 'offline');
    const result = evaluateHealth(volume, site, testContext(T1));
    expect(states(result.volume)).toEqual(['active', 'failed', 'active', 'failed']);
    expect(result.volume.health).toBe('degraded');
  });

  it('takes back a single volume whose enclosure returns', () => {
    const { volume, site, enclosures } = fixture({ copies: 1 });
    site.setEnclosure(enclosures[0]!.id, 'offline');
    const down = evaluateHealth(volume, site, testContext(T1)).volume;
    site.setEnclosure(enclosures[0]!.id, 'online');
    const back = evaluateHealth(down, site, testContext(T2));
    expect(back.volume.health).toBe('healthy');
    expect(back.volume.members[0]).toEqual(volume.members[0]);
    expect(back.events).toMatchObject([{ type: 'VolumeRecovered', at: T2 }]);
  });

  it('keeps a returning mirror leg failed: it missed writes and needs a rebuild', () => {
    const { volume, site, drives } = fixture();
    site.setDrive(drives[1]!.id, 'offline');
    const down = evaluateHealth(volume, site, testContext(T1)).volume;
    site.setDrive(drives[1]!.id, 'ok');
    expect(evaluateHealth(down, site, testContext(T2))).toEqual({ volume: down, events: [], changed: false });
  });

  it('takes back only the copy that failed last when a whole set returns', () => {
    const { volume, site, drives } = fixture();
    site.setDrive(drives[1]!.id, 'offline');
    const one = evaluateHealth(volume, site, testContext(T1)).volume;
    site.setDrive(drives[0]!.id, 'offline');
    const none = evaluateHealth(one, site, testContext(T2)).volume;
    expect(none.health).toBe('failed');
    // The stale leg returns first: taking it back would serve old data.
    site.setDrive(drives[1]!.id, 'ok');
    expect(evaluateHealth(none, site, testContext(T3)).changed).toBe(false);
    site.setDrive(drives[0]!.id, 'ok');
    const back = evaluateHealth(none, site, testContext(T3));
    expect(states(back.volume)).toEqual(['active', 'failed']);
    expect(back.events).toMatchObject([
      { type: 'VolumeDegraded', message: expect.stringContaining('was failed') },
    ]);
  });

  it('fails a rebuild whose target fails, keeping its progress as a mark of partial data', () => {
    const { volume, site, drives } = fixture();
    const rebuild = { progress: 0.4, startedAt: T1, eta: T3 };
    const rebuilding: Volume = {
      ...volume,
      health: 'rebuilding',
      members: [volume.members[0]!, { ...volume.members[1]!, state: 'rebuilding', rebuild }],
    };
    site.setDrive(drives[1]!.id, 'failed');
    const result = evaluateHealth(rebuilding, site, testContext(T2));
    expect(result.volume.members[1]).toMatchObject({ state: 'failed', rebuild, failedAt: T2 });
    expect(result.volume.health).toBe('degraded');
  });

  it('voids a rebuild whose source fails; when the source returns the partial copy stays failed', () => {
    const { volume, site, drives } = fixture();
    const rebuilding: Volume = {
      ...volume,
      health: 'rebuilding',
      members: [
        volume.members[0]!,
        { ...volume.members[1]!, state: 'rebuilding', rebuild: { progress: 0.4, startedAt: T1, eta: T3 } },
      ],
    };
    site.setDrive(drives[0]!.id, 'offline');
    const lost = evaluateHealth(rebuilding, site, testContext(T2));
    expect(states(lost.volume)).toEqual(['failed', 'failed']);
    expect(lost.events).toMatchObject([{ type: 'VolumeFailed' }]);
    site.setDrive(drives[0]!.id, 'ok');
    const back = evaluateHealth(lost.volume, site, testContext(T3));
    expect(states(back.volume)).toEqual(['active', 'failed']);
    expect(back.volume.health).toBe('degraded');
  });
});
