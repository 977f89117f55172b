import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmulatedHost, type EmulatedHostOptions } from '../emulated-host.js';
import type { PublishSpec, StageSpec } from '../host.js';
import { parseMountInfo } from '../mountinfo.js';
import { readJournal } from '../step-journal.js';
import { volumeFiles } from '../volume-record.js';

/** Every test's temporary directories start with this, so a leftover mount is easy to find. */
export const TEMP_PREFIX = 'drivebay-host-';

export function makeTempRoot(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), TEMP_PREFIX)));
}

/**
 * Whether this process may bind mount, found apart from the host's own probe (so a test of
 * `auto` does not check the probe against itself): root, and a kernel that lets it mount here.
 */
export function bindMountsWorkHere(): boolean {
  if (process.getuid?.() !== 0) return false;
  const root = makeTempRoot();
  const [a, b] = [join(root, 'a'), join(root, 'b')];
  mkdirSync(a);
  mkdirSync(b);
  try {
    execFileSync('mount', ['--bind', a, b], { stdio: 'ignore' });
    execFileSync('umount', [b], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    if (mountPointsUnder(root).length === 0) rmSync(root, { recursive: true, force: true });
  }
}

/** Whether this process holds CAP_SYS_ADMIN, the capability mount(2) asks for. */
export function mayMount(): boolean {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('CapEff:'));
  const CAP_SYS_ADMIN = 21n;
  return line !== undefined && ((BigInt(`0x${line.slice(7).trim()}`) >> CAP_SYS_ADMIN) & 1n) === 1n;
}

/** Mount points at or under a directory, as the kernel lists them (one per mount, stacked ones repeated). */
export function mountPointsUnder(dir: string): string[] {
  const mounts = parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  return mounts.map((m) => m.mountPoint).filter((p) => p === dir || p.startsWith(`${dir}/`));
}

/** How many mounts the kernel has at exactly this path. */
export function mountsAt(path: string): number {
  return mountPointsUnder(path).filter((p) => p === path).length;
}

/** Unmounts whatever is left under a directory (deepest first), then removes it. */
export function removeTempRoot(root: string): void {
  for (let left = mountPointsUnder(root); left.length > 0; left = mountPointsUnder(root)) {
    const deepest = [...left].sort((x, y) => y.length - x.length)[0] ?? root;
    execFileSync('umount', ['-l', deepest], { stdio: 'ignore' });
  }
  rmSync(root, { recursive: true, force: true });
}

/** A CO-made directory (the kubelet makes staging paths). */
export function makeDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

let volumes = 0;

export function buildStageSpec(root: string, overrides: Partial<StageSpec> = {}): StageSpec {
  const volumeId = overrides.volumeId ?? `pvc-${++volumes}`;
  const stagingPath = overrides.stagingPath ?? makeDir(join(root, 'kubelet', volumeId, 'globalmount'));
  return {
    volumeId,
    stagingPath,
    accessType: 'mount',
    fsType: 'ext4',
    mountFlags: [],
    transport: 'iscsi',
    layout: 'single',
    members: [{ driveId: 'drive-a', set: 0, copy: 0 }],
    encrypted: false,
    capacityBytes: 10 * 2 ** 30,
    ...overrides,
  };
}

/** RAID10 of four encrypted NVMe/TCP members: every stage step there is. */
export function buildFullStageSpec(root: string, overrides: Partial<StageSpec> = {}): StageSpec {
  return buildStageSpec(root, {
    transport: 'nvmetcp',
    layout: 'raid10',
    encrypted: true,
    members: [
      { driveId: 'drive-a', set: 0, copy: 0 },
      { driveId: 'drive-b', set: 0, copy: 1 },
      { driveId: 'drive-c', set: 1, copy: 0, slice: { offsetGiB: 0, sizeGiB: 100 } },
      { driveId: 'drive-d', set: 1, copy: 1 },
    ],
    ...overrides,
  });
}

export function buildPublishSpec(
  stage: StageSpec,
  root: string,
  overrides: Partial<PublishSpec> = {},
): PublishSpec {
  return {
    volumeId: stage.volumeId,
    stagingPath: stage.stagingPath,
    targetPath: join(root, 'pods', `pod-of-${stage.volumeId}`, 'volumes', stage.volumeId, 'mount'),
    accessType: stage.accessType,
    readonly: false,
    mountFlags: [],
    ...overrides,
  };
}

export function buildHost(
  stateDir: string,
  mounts: EmulatedHostOptions['mounts'],
  options: Partial<EmulatedHostOptions> = {},
): EmulatedHost {
  return new EmulatedHost({ stateDir, mounts, ...options });
}

/** The journal's lines without their times: what a real host would have run, in order. */
export async function journaledSteps(stateDir: string, volumeId: string): Promise<string[]> {
  const entries = await readJournal(volumeFiles(stateDir, volumeId).journal);
  return entries.map((e) => `${e.kind} ${e.step} ${e.command}`);
}

/** How many mounts the host's table has at a path: the kernel's in bind mode, mounts.json's in record mode. */
export function mountCount(stateDir: string, mode: 'bind' | 'record', path: string): number {
  if (mode === 'bind') return mountsAt(path);
  let text: string;
  try {
    text = readFileSync(join(stateDir, 'mounts.json'), 'utf8');
  } catch {
    return 0;
  }
  const table = JSON.parse(text) as { mounts: { target: string }[] };
  return table.mounts.filter((m) => m.target === path).length;
}
