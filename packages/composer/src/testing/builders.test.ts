import { DriveSchema, EnclosureSchema, RackSchema, ServerSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive, buildEnclosure, buildRack, buildServer } from './builders.js';

describe('builders', () => {
  it('build valid objects with unique ids', () => {
    const drives = Array.from({ length: 5 }, () => buildDrive());
    for (const drive of drives) expect(DriveSchema.parse(drive)).toEqual(drive);
    expect(new Set(drives.map((d) => d.id)).size).toBe(5);
    expect(new Set(drives.map((d) => d.bay)).size).toBe(5);
    expect(EnclosureSchema.parse(buildEnclosure())).toBeTruthy();
    expect(ServerSchema.parse(buildServer())).toBeTruthy();
    expect(RackSchema.parse(buildRack())).toBeTruthy();
    expect(buildServer().id).not.toBe(buildServer().id);
  });

  it('keep defaults consistent with the media or kind asked for', () => {
    const ssd = buildDrive({ media: 'ssd' });
    expect(ssd.rpm).toBe(0);
    expect(ssd.bay).toBeLessThan(24);
    const ebod = buildEnclosure({ kind: 'ebod' });
    expect(ebod.bayCount).toBe(24);
    expect(ebod.transports).toContain('roce');
  });

  it('let overrides win, deriving the drive id from a given serial', () => {
    const drive = buildDrive({ serial: 'ABC123', health: 'failed', bay: 7 });
    expect(drive).toMatchObject({ id: 'drv-abc123', serial: 'ABC123', health: 'failed', bay: 7 });
    expect(buildRack({ row: 3 }).row).toBe(3);
  });
});
