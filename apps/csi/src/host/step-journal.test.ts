import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendStep, lastEntry, lastEntryWhere, readJournal } from './step-journal.js';

let dir: string;
let journal: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'drivebay-journal-'));
  journal = join(dir, 'steps.log');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the steps journal', () => {
  it('appends one line per step with its ISO time, and does not repeat the newest line', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    await appendStep(
      journal,
      { kind: 'recorded', step: 'open', command: 'cryptsetup open --key-file=- /dev/x v' },
      at,
    );
    await appendStep(
      journal,
      { kind: 'recorded', step: 'open', command: 'cryptsetup open --key-file=- /dev/x v' },
      at,
    );
    await appendStep(journal, { kind: 'real', step: 'mount:/s', command: 'mount\n/dev/x /s' }, at);
    expect(readFileSync(journal, 'utf8')).toBe(
      '2026-01-02T03:04:05.678Z recorded open cryptsetup open --key-file=- /dev/x v\n' +
        '2026-01-02T03:04:05.678Z real mount:/s mount /dev/x /s\n',
    );
    expect(await lastEntry(journal)).toMatchObject({ kind: 'real', step: 'mount:/s' });
  });

  it('refuses a step id with a space (it would not parse back)', async () => {
    await expect(appendStep(journal, { kind: 'real', step: 'a b', command: 'x' })).rejects.toThrow(
      /no spaces/,
    );
  });

  it('finds the newest matching line across read chunks, multibyte characters intact', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `2026-01-01T00:00:00.000Z real step-${i} échelle ${'x'.repeat(40)}`,
    );
    writeFileSync(journal, `${lines.join('\n')}\n`);
    expect((await lastEntryWhere(journal, (e) => e.step === 'step-0'))?.command).toBe(
      `échelle ${'x'.repeat(40)}`,
    );
    expect((await lastEntryWhere(journal, (e) => e.step === 'step-1500'))?.step).toBe('step-1500');
    expect(await lastEntryWhere(journal, (e) => e.step === 'nope')).toBeUndefined();
    expect(await readJournal(journal)).toHaveLength(3000);
    expect(await lastEntry(join(dir, 'absent.log'))).toBeUndefined();
  });
});
