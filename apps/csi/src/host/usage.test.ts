import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureUsage } from './usage.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('measureUsage', () => {
  it('adds up file bytes and counts entries, without following symlinks, and stops at its bound', async () => {
    dir = mkdtempSync(join(tmpdir(), 'drivebay-usage-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'f'), Buffer.alloc(300));
    writeFileSync(join(dir, 'g'), Buffer.alloc(12));
    symlinkSync('/', join(dir, 'to-root'));
    expect(await measureUsage(dir)).toEqual({ bytes: 312, entries: 6, partial: false });
    expect(await measureUsage(dir, 3)).toMatchObject({ entries: 3, partial: true });
  });
});
