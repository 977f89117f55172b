import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VolumeKeys } from './volume-keys.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function secretFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drivebay-keys-'));
  dirs.push(dir);
  return join(dir, 'data', 'site-secret');
}

describe('VolumeKeys', () => {
  it('creates the site secret once, readable by the owner only, and derives the same keys after reopening', () => {
    const file = secretFile();
    const first = VolumeKeys.open({ secretFile: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = VolumeKeys.open({ secretFile: file });
    expect(again.deriveKey('pvc-1').equals(first.deriveKey('pvc-1'))).toBe(true);
    expect(again.keyIdFor('pvc-1')).toBe(first.keyIdFor('pvc-1'));
  });

  it('gives every volume its own 256-bit key, and key ids that do not contain the key', () => {
    const keys = VolumeKeys.open({ secretFile: secretFile() });
    const a = keys.deriveKey('pvc-a');
    expect(a).toHaveLength(32);
    expect(a.equals(keys.deriveKey('pvc-b'))).toBe(false);
    expect(keys.keyIdFor('pvc-a')).toMatch(/^kid-[0-9a-f]{24}$/);
    expect(keys.keyIdFor('pvc-a')).not.toContain(a.toString('hex').slice(0, 8));
  });

  it('uses a secret given in the environment and rejects a short one', () => {
    const secret = Buffer.alloc(32, 7).toString('base64');
    const fromEnv = VolumeKeys.open({ secretFile: secretFile(), secretFromEnv: secret });
    expect(
      fromEnv
        .deriveKey('pvc-1')
        .equals(VolumeKeys.open({ secretFile: secretFile(), secretFromEnv: secret }).deriveKey('pvc-1')),
    ).toBe(true);
    expect(() => VolumeKeys.open({ secretFile: secretFile(), secretFromEnv: 'c2hvcnQ=' })).toThrow(
      /DRIVEBAY_SITE_SECRET/,
    );
  });
});
