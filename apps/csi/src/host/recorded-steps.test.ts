import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyStep,
  attachedMembers,
  memberToken,
  parseStepId,
  type RecordedStep,
  readFilesystem,
  stepId,
} from './recorded-steps.js';
import { volumeFiles } from './volume-record.js';

const steps: RecordedStep[] = [
  { verb: 'attach', transport: 'iscsi', member: { driveId: 'drive-a', set: 0, copy: 1, slice: undefined } },
  {
    verb: 'detach',
    transport: 'roce',
    member: { driveId: 'ssd-3.x', set: 2, copy: 0, slice: { offsetGiB: 64, sizeGiB: 100 } },
  },
  { verb: 'assemble', layout: 'raid10' },
  { verb: 'stop' },
  { verb: 'open' },
  { verb: 'close' },
  { verb: 'format', fsType: 'xfs', bytes: 1073741824 },
  { verb: 'grow-fs', bytes: 2147483648 },
];

describe('recorded step ids', () => {
  it.each(steps)('say everything recovery needs to apply the step: $verb', (step) => {
    expect(stepId(step)).not.toMatch(/\s/);
    expect(parseStepId(stepId(step))).toEqual(step);
  });

  it('are not confused with mounts, real steps or garbage', () => {
    for (const id of [
      'mount:/var/lib/x',
      'grow-device',
      'attach/iscsi/nonsense',
      'format/zfs/1',
      'assemble/raid5',
    ])
      expect(parseStepId(id)).toBeUndefined();
  });

  it('refuse a drive id that cannot name a file', () => {
    expect(() => memberToken({ driveId: '../etc', set: 0, copy: 0 })).toThrow(/cannot name a file/);
  });
});

describe('applyStep', () => {
  let stateDir: string;
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('is idempotent: applied twice (as recovery may), the markers say it once', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'drivebay-steps-'));
    const files = volumeFiles(stateDir, 'pvc-1');
    const attach = steps[0] as RecordedStep;
    for (let i = 0; i < 2; i++) {
      await applyStep(files, attach);
      await applyStep(files, { verb: 'format', fsType: 'ext4', bytes: 100 });
      await applyStep(files, { verb: 'grow-fs', bytes: 300 });
    }
    expect(await attachedMembers(files)).toEqual([
      { transport: 'iscsi', member: { driveId: 'drive-a', set: 0, copy: 1, slice: undefined } },
    ]);
    expect(await readFilesystem(files)).toEqual({ fsType: 'ext4', bytes: 300 });
    await applyStep(files, { verb: 'grow-fs', bytes: 200 }); // a filesystem never shrinks
    expect(await readFilesystem(files)).toEqual({ fsType: 'ext4', bytes: 300 });
  });
});
