import { DriveSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { buildDrive } from '../testing/builders.js';
import { generateSite } from './generate-site.js';
import { replacementDrive } from './replacement-drive.js';

const site = generateSite({ scale: 'small', seed: 4 });
const drives = site.enclosures.flatMap((e) => e.drives);
const siteSerials = new Set(drives.map((d) => d.serial));
// One drive of every model in the site.
const samples = [...new Map(drives.map((d) => [d.model, d])).values()];

describe('replacementDrive', () => {
  it('goes in the same bay, like for like, healthy and valid', () => {
    for (const [i, failed] of samples.entries()) {
      const spare = replacementDrive({ ...failed, health: 'failed' }, i);
      expect(DriveSchema.parse(spare)).toEqual(spare);
      const { id, serial, health, ...same } = spare;
      const { id: _id, serial: _serial, health: _health, ...original } = failed;
      expect(same).toEqual(original);
      expect(health).toBe('ok');
      expect(serial).not.toBe(failed.serial);
      expect(serial).toHaveLength(failed.serial.length);
      expect(id).toBe(`drv-${serial.toLowerCase()}`);
    }
  });

  it('is deterministic in its inputs', () => {
    const failed = samples[0]!;
    expect(replacementDrive(failed, 5, 3)).toEqual(replacementDrive(failed, 5, 3));
    expect(replacementDrive(failed, 5)).toEqual(replacementDrive(failed, 5, 1));
    expect(replacementDrive(failed, 5, 3).serial).not.toBe(replacementDrive(failed, 5, 4).serial);
  });

  it('never reuses a serial: not the site’s, not another sequence’s', () => {
    for (const seed of [1, 2, 9]) {
      const minted = new Set<string>();
      let sequence = 0;
      for (const failed of samples) {
        for (let i = 0; i < 300; i++) {
          const { serial } = replacementDrive(failed, sequence++, seed);
          expect(siteSerials.has(serial)).toBe(false);
          minted.add(serial);
        }
      }
      expect(minted.size).toBe(sequence);
    }
  });

  it('replaces a replacement with yet another serial', () => {
    const failed = samples[0]!;
    const first = replacementDrive(failed, 0);
    const second = replacementDrive({ ...first, health: 'failed' }, 1);
    const sameSequence = replacementDrive({ ...first, health: 'failed' }, 0);
    expect(new Set([failed.serial, first.serial, second.serial]).size).toBe(3);
    expect(sameSequence.serial).not.toBe(first.serial);
  });

  it('handles drives the generator did not make', () => {
    const failed = buildDrive({ model: 'Acme Disk 9000', serial: 'ACME1' });
    const spare = replacementDrive(failed, 7);
    expect(DriveSchema.parse(spare).model).toBe('Acme Disk 9000');
    expect(spare.serial).not.toBe('ACME1');
  });

  it('rejects a sequence it cannot keep unique', () => {
    expect(() => replacementDrive(samples[0]!, -1)).toThrow(RangeError);
    expect(() => replacementDrive(samples[0]!, 1.5)).toThrow(RangeError);
  });
});
