import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatedHostOptions } from './emulated-host.js';
import {
  bindMountsWorkHere,
  buildFullStageSpec,
  buildHost,
  buildPublishSpec,
  buildStageSpec,
  mountCount as countMounts,
  journaledSteps,
  makeDir,
  makeTempRoot,
  mayMount,
  mountPointsUnder,
  mountsAt,
  removeTempRoot,
  TEMP_PREFIX,
} from './testing/host-fixtures.js';
import { BYTES_PER_INODE } from './volume-stats.js';

// Bind mounts need root and a kernel that lets this process mount (a container may not). Where
// they do not work, only record mode runs: the bind-mode suites say so by their runIf.
const canBind = bindMountsWorkHere();

let root: string;
let stateDir: string;

beforeEach(() => {
  root = makeTempRoot();
  stateDir = join(root, 'state');
});
afterEach(() => removeTempRoot(root));
afterAll(() => {
  const left = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((l) => l.includes(TEMP_PREFIX));
  expect(left).toEqual([]);
});

/** The first bytes of a (huge, sparse) device file. */
function firstBytes(path: string, count: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    readSync(fd, buffer, 0, count, 0);
    return buffer.toString();
  } finally {
    closeSync(fd);
  }
}

function hostContract(mode: 'record' | 'bind') {
  const host = (options: Partial<EmulatedHostOptions> = {}) => buildHost(stateDir, mode, options);
  const mountCount = (path: string) => countMounts(stateDir, mode, path);

  it('stage and publish show the volume at the target: a file written there is the volume’s, across unstage and restage', async () => {
    const h = host();
    const stage = buildStageSpec(root);
    const publish = buildPublishSpec(stage, root);
    await h.stage(stage);
    await h.publish(publish);
    expect(statSync(publish.targetPath).isDirectory()).toBe(true);
    await writeFile(join(publish.targetPath, 'hello.txt'), 'from the pod');
    expect(await readFile(join(stage.stagingPath, 'hello.txt'), 'utf8')).toBe('from the pod');

    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    expect(existsSync(publish.targetPath)).toBe(false);
    expect(readdirSync(stage.stagingPath)).toEqual([]); // the CO's empty directory, as it made it
    expect(mountPointsUnder(root)).toEqual([]);

    await h.stage(stage);
    await h.publish(publish);
    expect(await readFile(join(publish.targetPath, 'hello.txt'), 'utf8')).toBe('from the pod');
    const steps = await journaledSteps(stateDir, stage.volumeId);
    expect(steps.filter((s) => s.includes('mkfs'))).toHaveLength(1); // restaged, never reformatted
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('repeats of every call change nothing: one mount each, no step journaled twice', async () => {
    const h = host();
    const stage = buildFullStageSpec(root);
    const publish = buildPublishSpec(stage, root);
    await h.stage(stage);
    await h.stage(stage);
    await h.publish(publish);
    await h.publish(publish);
    await h.stage(stage);
    expect(mountCount(stage.stagingPath)).toBe(1);
    expect(mountCount(publish.targetPath)).toBe(1);
    const steps = await journaledSteps(stateDir, stage.volumeId);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.filter((s) => s.includes(' attach/'))).toHaveLength(4);

    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    const after = await journaledSteps(stateDir, stage.volumeId);
    expect(after.filter((s) => s.includes(' detach/'))).toHaveLength(4);
    expect(after.filter((s) => s.includes(' umount '))).toHaveLength(2);
    expect(mountCount(stage.stagingPath)).toBe(0);
  });

  it('journals what a real host would run for each transport, RAID and dm-crypt, and never a key', async () => {
    const h = host();
    const full = buildFullStageSpec(root);
    await h.stage(full);
    const roce = buildStageSpec(root, { transport: 'roce' });
    await h.stage(roce);
    const steps = await journaledSteps(stateDir, full.volumeId);
    expect(steps.filter((s) => s.includes('nvme connect -t tcp'))).toHaveLength(4);
    expect(steps.some((s) => s.includes('mdadm --assemble /dev/md/drivebay-'))).toBe(true);
    expect(steps.some((s) => s.includes('cryptsetup open --key-file=-'))).toBe(true);
    expect(steps.some((s) => s.includes(`mkfs.ext4 /dev/mapper/drivebay-${full.volumeId}`))).toBe(true);
    expect(
      (await journaledSteps(stateDir, roce.volumeId)).some((s) => s.includes('nvme connect -t rdma')),
    ).toBe(true);
    const iscsi = buildStageSpec(root);
    await h.stage(iscsi);
    const login = await journaledSteps(stateDir, iscsi.volumeId);
    expect(login[0]).toMatch(
      /iscsiadm -m discovery -t sendtargets .* && iscsiadm -m node -T .*drive-a .* --login/,
    );
    const log = readFileSync(join(stateDir, 'volumes', full.volumeId, 'steps.log'), 'utf8');
    expect(log.split('\n')[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z recorded attach\//);
    expect(log).not.toMatch(/key=|passphrase|secret/i);
    for (const spec of [full, roce, iscsi]) await h.unstage(spec.volumeId, spec.stagingPath);
  });

  it('unstage and unpublish of what was never staged or published succeed and touch nothing', async () => {
    const h = host();
    const stranger = makeDir(join(root, 'someone-else'));
    writeFileSync(join(stranger, 'keep.txt'), 'not ours');
    await h.unpublish('pvc-unknown', stranger);
    await h.unstage('pvc-unknown', stranger);
    const stage = buildStageSpec(root);
    await h.stage(stage);
    await h.unpublish(stage.volumeId, stranger); // a known volume, a path it was never published at
    await h.unstage(stage.volumeId, stranger); // nor staged at
    expect(readFileSync(join(stranger, 'keep.txt'), 'utf8')).toBe('not ours');
    expect(mountCount(stage.stagingPath)).toBe(1);
    expect(existsSync(join(stateDir, 'volumes', 'pvc-unknown'))).toBe(false);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('publish of a volume not staged there is refused', async () => {
    const h = host();
    const stage = buildStageSpec(root);
    await expect(h.publish(buildPublishSpec(stage, root))).rejects.toThrow(/not staged/);
    await h.stage(stage);
    const elsewhere = makeDir(join(root, 'other-staging'));
    await expect(h.publish(buildPublishSpec(stage, root, { stagingPath: elsewhere }))).rejects.toThrow(
      /not staged/,
    );
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('block access: the device is exposed in the staging path, the target is a file whose bytes are the volume’s', async () => {
    const h = host();
    const stage = buildStageSpec(root, { accessType: 'block' });
    const publish = buildPublishSpec(stage, root, {
      targetPath: join(root, 'pods', 'p', 'volumeDevices', 'dev'),
    });
    await h.stage(stage);
    await h.publish(publish);
    const device = join(stateDir, 'volumes', stage.volumeId, 'device');
    expect(statSync(device).size).toBe(stage.capacityBytes);
    expect(statSync(device).blocks * 512).toBeLessThan(1024 * 1024); // sparse: nothing written, nothing held
    expect(statSync(publish.targetPath).isFile()).toBe(true);
    expect(statSync(join(stage.stagingPath, stage.volumeId)).size).toBe(stage.capacityBytes);
    writeFileSync(publish.targetPath, 'raw bytes', { flag: 'r+' });
    expect(firstBytes(device, 9)).toBe('raw bytes');
    expect(existsSync(join(stateDir, 'volumes', stage.volumeId, 'fs'))).toBe(false); // no mkfs for block

    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    expect(existsSync(publish.targetPath)).toBe(false);
    expect(readdirSync(stage.stagingPath)).toEqual([]);
    expect(firstBytes(device, 9)).toBe('raw bytes'); // the data stays with the volume
  });

  it('refuses to unstage while the volume is still published', async () => {
    const h = host();
    const stage = buildStageSpec(root);
    const publish = buildPublishSpec(stage, root);
    await h.stage(stage);
    await h.publish(publish);
    await expect(h.unstage(stage.volumeId, stage.stagingPath)).rejects.toThrow(/still published/);
    expect(mountCount(stage.stagingPath)).toBe(1);
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('what is mounted survives the plugin: a new host on the same state dir sees and undoes it', async () => {
    const stage = buildStageSpec(root);
    const publish = buildPublishSpec(stage, root);
    await host().stage(stage);
    await host().publish(publish);
    const restarted = host();
    expect(await restarted.inspect(stage.volumeId, publish.targetPath)).toMatchObject({
      accessType: 'mount',
    });
    await restarted.publish(publish);
    expect(mountCount(publish.targetPath)).toBe(1);
    await restarted.unpublish(stage.volumeId, publish.targetPath);
    await restarted.unstage(stage.volumeId, stage.stagingPath);
    expect(mountCount(stage.stagingPath)).toBe(0);
    expect(mountPointsUnder(root)).toEqual([]);
  });

  it('inspect counts the volume’s own bytes and entries, against its capacity', async () => {
    const h = host();
    const stage = buildStageSpec(root, { capacityBytes: 2 ** 30 });
    const publish = buildPublishSpec(stage, root);
    await h.stage(stage);
    await h.publish(publish);
    await mkdir(join(publish.targetPath, 'data'));
    await writeFile(join(publish.targetPath, 'data', 'a.bin'), Buffer.alloc(1000));
    await writeFile(join(publish.targetPath, 'b.bin'), Buffer.alloc(24));
    for (const path of [publish.targetPath, stage.stagingPath]) {
      const state = await h.inspect(stage.volumeId, path);
      const inodes = 2 ** 30 / BYTES_PER_INODE;
      expect(state).toEqual({
        accessType: 'mount',
        bytes: { total: 2 ** 30, used: 1024, available: 2 ** 30 - 1024 },
        inodes: { total: inodes, used: 4, available: inodes - 4 }, // the root, data/, two files
      });
    }
    expect(await h.inspect(stage.volumeId, join(root, 'elsewhere'))).toBeUndefined();
    expect(await h.inspect('pvc-unknown', publish.targetPath)).toBeUndefined();
    await h.unpublish(stage.volumeId, publish.targetPath);
    expect(await h.inspect(stage.volumeId, publish.targetPath)).toBeUndefined();
    await h.unstage(stage.volumeId, stage.stagingPath);
    expect(await h.inspect(stage.volumeId, stage.stagingPath)).toBeUndefined();
  });

  it('inspect reports block volumes by their capacity, and a vanished device or filesystem as abnormal', async () => {
    const h = host();
    const block = buildStageSpec(root, { accessType: 'block' });
    await h.stage(block);
    expect(await h.inspect(block.volumeId, block.stagingPath)).toEqual({
      accessType: 'block',
      bytes: { total: block.capacityBytes, used: 0, available: block.capacityBytes },
      abnormal: undefined,
    });
    rmSync(join(stateDir, 'volumes', block.volumeId, 'device'));
    expect((await h.inspect(block.volumeId, block.stagingPath))?.abnormal).toMatch(/device .* vanished/);

    const mounted = buildStageSpec(root);
    await h.stage(mounted);
    rmSync(join(stateDir, 'volumes', mounted.volumeId, 'fs'), { recursive: true });
    expect((await h.inspect(mounted.volumeId, mounted.stagingPath))?.abnormal).toMatch(
      /filesystem directory .* vanished/,
    );
    await h.unstage(block.volumeId, block.stagingPath);
    await h.unstage(mounted.volumeId, mounted.stagingPath);
  });

  it('expand grows the device and the filesystem once, and the new size outlives the plugin', async () => {
    const h = host();
    const stage = buildStageSpec(root, { capacityBytes: 2 ** 30 });
    const publish = buildPublishSpec(stage, root);
    await h.stage(stage);
    await h.publish(publish);
    await h.expand(stage.volumeId, publish.targetPath, 3 * 2 ** 30);
    await h.expand(stage.volumeId, publish.targetPath, 3 * 2 ** 30);
    await h.expand(stage.volumeId, publish.targetPath, 2 ** 30); // never shrinks
    expect((await host().inspect(stage.volumeId, publish.targetPath))?.bytes.total).toBe(3 * 2 ** 30);
    expect(statSync(join(stateDir, 'volumes', stage.volumeId, 'device')).size).toBe(3 * 2 ** 30);
    const steps = await journaledSteps(stateDir, stage.volumeId);
    expect(steps.filter((s) => s.includes('resize2fs'))).toHaveLength(1);
    expect(steps.filter((s) => s.includes('iscsiadm -m session --rescan'))).toHaveLength(1);
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    await h.stage({ ...stage, capacityBytes: 2 ** 30 }); // Drivebay's record lagging: the volume stays grown
    expect((await h.inspect(stage.volumeId, stage.stagingPath))?.bytes.total).toBe(3 * 2 ** 30);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('caps the device file’s apparent size at 1 TiB, while stats report the whole capacity', async () => {
    const h = host();
    const stage = buildStageSpec(root, { accessType: 'block', capacityBytes: 4 * 2 ** 40 });
    await h.stage(stage);
    expect(statSync(join(stateDir, 'volumes', stage.volumeId, 'device')).size).toBe(2 ** 40);
    expect((await h.inspect(stage.volumeId, stage.stagingPath))?.bytes.total).toBe(4 * 2 ** 40);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('describes which steps are real here', () => {
    const description = host().describe();
    expect(description.name).toBe('emulated');
    const mountSteps = description.steps.filter((s) => s.step.includes('bind onto the target'));
    expect(mountSteps).toEqual([expect.objectContaining({ real: mode === 'bind' })]);
    expect(description.steps.find((s) => s.step === 'attach over iSCSI')?.real).toBe(false);
    expect(description.steps.find((s) => s.step === 'block device')?.real).toBe(true);
  });
}

describe('EmulatedHost with a recorded mount table', () => {
  hostContract('record');

  it('pauses before each fabric step (stepDelayMs), leaving a test time to kill the plugin mid-attach', async () => {
    const logged: unknown[] = [];
    const h = buildHost(stateDir, 'record', {
      stepDelayMs: 40,
      log: (_message, fields) => logged.push(fields.step),
    });
    const stage = buildFullStageSpec(root);
    const started = performance.now();
    await h.stage(stage);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4 * 40 - 5);
    expect(logged.filter((step) => String(step).startsWith('attach/'))).toHaveLength(4);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('keeps every entry when calls for many volumes update the table at once', async () => {
    const h = buildHost(stateDir, 'record');
    const stages = Array.from({ length: 6 }, () => buildStageSpec(root));
    await Promise.all(stages.map((stage) => h.stage(stage)));
    await Promise.all(stages.map((stage) => h.publish(buildPublishSpec(stage, root))));
    const table = JSON.parse(readFileSync(join(stateDir, 'mounts.json'), 'utf8'));
    expect(table.mounts).toHaveLength(12);
    await Promise.all(
      stages.map(async (stage) => {
        await h.unpublish(stage.volumeId, buildPublishSpec(stage, root).targetPath);
        await h.unstage(stage.volumeId, stage.stagingPath);
      }),
    );
    expect(JSON.parse(readFileSync(join(stateDir, 'mounts.json'), 'utf8'))).toEqual({ mounts: [] });
  });

  it('keeps mounts.json as the table and makes mounted paths symlinks to their sources', async () => {
    const h = buildHost(stateDir, 'record');
    const stage = buildStageSpec(root);
    const publish = buildPublishSpec(stage, root, { readonly: true });
    await h.stage(stage);
    await h.publish(publish);
    expect(lstatSync(stage.stagingPath).isSymbolicLink()).toBe(true);
    const table = JSON.parse(readFileSync(join(stateDir, 'mounts.json'), 'utf8'));
    expect(table.mounts).toEqual([
      {
        target: stage.stagingPath,
        source: join(stateDir, 'volumes', stage.volumeId, 'fs'),
        readonly: false,
        was: 'dir',
      },
      { target: publish.targetPath, source: stage.stagingPath, readonly: true, was: 'dir' },
    ]);
    expect(existsSync(join(stateDir, 'mounts.json.tmp'))).toBe(false);
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
    expect(JSON.parse(readFileSync(join(stateDir, 'mounts.json'), 'utf8'))).toEqual({ mounts: [] });
    expect(lstatSync(stage.stagingPath).isDirectory()).toBe(true);
  });
});

// Real bind mounts need root and a kernel that permits them here; the record-mode suite above runs everywhere.
describe.runIf(canBind)('EmulatedHost with real bind mounts', () => {
  hostContract('bind');

  it('a read-only publish refuses writes, while the staging path stays writable', async () => {
    const h = buildHost(stateDir, 'bind');
    const stage = buildStageSpec(root);
    const publish = buildPublishSpec(stage, root, { readonly: true });
    await h.stage(stage);
    await h.publish(publish);
    await expect(writeFile(join(publish.targetPath, 'x'), 'no')).rejects.toMatchObject({ code: 'EROFS' });
    await writeFile(join(stage.stagingPath, 'y'), 'yes');
    expect(readFileSync(join(publish.targetPath, 'y'), 'utf8')).toBe('yes');
    await h.publish({ ...publish, readonly: false }); // asked again read-write: remounted, not mounted twice
    await writeFile(join(publish.targetPath, 'x'), 'now yes');
    expect(mountsAt(publish.targetPath)).toBe(1);
    await h.unpublish(stage.volumeId, publish.targetPath);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });

  it('the kernel, not a file, says what is mounted: a mount undone behind the host’s back is made again', async () => {
    const h = buildHost(stateDir, 'bind');
    const stage = buildStageSpec(root);
    await h.stage(stage);
    expect(existsSync(join(stateDir, 'mounts.json'))).toBe(false);
    const { execFileSync } = await import('node:child_process');
    execFileSync('umount', [stage.stagingPath]);
    expect(await h.inspect(stage.volumeId, stage.stagingPath)).toBeUndefined();
    await h.stage(stage);
    expect(mountsAt(stage.stagingPath)).toBe(1);
    await h.unstage(stage.volumeId, stage.stagingPath);
  });
});

describe('auto', () => {
  it(`picks ${canBind ? 'bind mounts (permitted here)' : 'the recorded table (bind mounts are not permitted here)'}`, () => {
    const description = buildHost(stateDir, 'auto').describe();
    expect(description.steps.find((s) => s.step === 'bind onto the target path')?.real).toBe(canBind);
    expect(mountPointsUnder(root)).toEqual([]); // the probe undid its mount
    expect(existsSync(join(stateDir, 'mount-probe'))).toBe(false);
  });

  // Guards against the bind suites being skipped unnoticed where they should run (as root, here).
  it.runIf(process.getuid?.() === 0 && mayMount())(
    'as root with CAP_SYS_ADMIN, bind mounts work, so the bind suites ran',
    () => {
      expect(canBind).toBe(true);
    },
  );
});
