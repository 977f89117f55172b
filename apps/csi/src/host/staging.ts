import { mkdir, open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { assembleCommand, deviceStack, openCommand } from './device-stack.js';
import { exists, removeMountPoint } from './file-checks.js';
import type { StageSpec } from './host.js';
import { type HostContext, openVolume } from './host-context.js';
import { mountAt, unmountAt } from './mount-steps.js';
import { attachedMembers, readFilesystem } from './recorded-steps.js';
import { attacherFor } from './transports.js';
import { readVolume, stagedPoint, type VolumeRecord, writeVolume } from './volume-record.js';
import type { VolumeSteps } from './volume-steps.js';

/**
 * NodeStage, in the order a real host goes, each step skipped when already done: the record
 * (where it is staged, before anything is done there), attach, RAID, dm-crypt, mkfs (once ever),
 * then the mount or the exposed device at the staging path, last.
 */
export async function stageVolume(host: HostContext, spec: StageSpec): Promise<void> {
  const stagingPath = checkedPath(spec.stagingPath, 'staging path');
  if (spec.members.length === 0) throw new Error(`volume ${spec.volumeId} has no members to attach`);
  const steps = await openVolume(host, spec.volumeId);
  const record = await recordStage(host, steps, spec, stagingPath);
  const stack = deviceStack(record);
  const device = await attacherFor(spec.transport).attach(spec.members, steps, record.capacityBytes);
  if (spec.layout !== 'single' && !(await exists(steps.files.raid)))
    await steps.record({ verb: 'assemble', layout: spec.layout }, assembleCommand(stack, spec.layout));
  if (spec.encrypted && !(await exists(steps.files.crypt)))
    await steps.record({ verb: 'open' }, openCommand(stack, spec.volumeId));
  const readonly = spec.mountFlags.includes('ro');
  const options = spec.mountFlags.length > 0 ? ` -o ${spec.mountFlags.join(',')}` : '';
  if (spec.accessType === 'mount') {
    await makeFilesystem(steps, record, stack.top);
    const real = `mount -t ${spec.fsType}${options} ${stack.top} ${stagingPath}`;
    await mountAt(host, steps, { source: steps.files.fs, point: stagingPath, readonly, real });
    return;
  }
  const point = stagedPoint(record, stagingPath);
  if (!(await exists(point))) {
    await steps.checkpoint('device file at the staging path');
    await (await open(point, 'a')).close();
  }
  await mountAt(host, steps, { source: device, point, readonly, real: `mount --bind ${stack.top} ${point}` });
}

/**
 * NodeUnstage: the reverse, the record last. Refused while the volume is still mounted at a
 * target (a real host could not close dm-crypt or stop the array under a mounted filesystem).
 */
export async function unstageVolume(host: HostContext, volumeId: string, path: string): Promise<void> {
  const stagingPath = checkedPath(path, 'staging path');
  const steps = await openVolume(host, volumeId);
  const record = await readVolume(steps.files);
  if (!record || record.stagingPath !== stagingPath) return;
  const published = [];
  for (const target of record.targets) if (await host.mounts.find(target)) published.push(target);
  if (published.length > 0)
    throw new Error(
      `volume ${volumeId} is still published at ${published.join(', ')}; NodeUnpublish it first`,
    );
  const point = stagedPoint(record, stagingPath);
  await unmountAt(host, steps, point);
  if (record.accessType === 'block') await removeMountPoint(point, steps);
  const stack = deviceStack(record);
  if (await exists(steps.files.crypt))
    await steps.record({ verb: 'close' }, `cryptsetup close drivebay-${volumeId}`);
  if (await exists(steps.files.raid)) await steps.record({ verb: 'stop' }, `mdadm --stop ${stack.array}`);
  for (const { transport, member } of await attachedMembers(steps.files))
    await attacherFor(transport).detach([member], steps);
  await steps.checkpoint('forget the staging path');
  await writeVolume(steps.files, { ...record, stagingPath: null });
}

/** The volume's record with this stage in it, written before any step so an unstage finds them all. */
async function recordStage(
  host: HostContext,
  steps: VolumeSteps,
  spec: StageSpec,
  stagingPath: string,
): Promise<VolumeRecord> {
  const existing = await readVolume(steps.files);
  if (existing?.stagingPath && existing.stagingPath !== stagingPath) {
    const point = stagedPoint(existing, existing.stagingPath);
    if (await host.mounts.find(point))
      throw new Error(
        `volume ${spec.volumeId} is staged at ${existing.stagingPath}; unstage it there before staging at ${stagingPath}`,
      );
    // Staged there by a call that died before mounting: nothing is in use there, so move.
    await unmountAt(host, steps, point);
    if (existing.accessType === 'block') await removeMountPoint(point, steps);
  }
  const record: VolumeRecord = {
    volumeId: spec.volumeId,
    // Never smaller than it was: an expanded volume stays expanded when staged again.
    capacityBytes: Math.max(spec.capacityBytes, existing?.capacityBytes ?? 0),
    accessType: spec.accessType,
    fsType: spec.fsType,
    transport: spec.transport,
    layout: spec.layout,
    encrypted: spec.encrypted,
    members: spec.members.map((m) => ({ driveId: m.driveId, set: m.set, copy: m.copy, slice: m.slice })),
    stagingPath,
    targets: existing?.targets ?? [],
  };
  if (JSON.stringify(record) === JSON.stringify(existing)) return record;
  await mkdir(steps.files.dir, { recursive: true });
  await steps.checkpoint('record the stage');
  await writeVolume(steps.files, record);
  return record;
}

/** mkfs once in the volume's life: a restage, or a retry after a kill, finds the marker and keeps the data. */
async function makeFilesystem(steps: VolumeSteps, record: VolumeRecord, device: string): Promise<void> {
  const made = await readFilesystem(steps.files);
  if (made) {
    if (made.fsType !== record.fsType)
      throw new Error(
        `volume ${record.volumeId} holds ${made.fsType}, not ${record.fsType}; it is not reformatted`,
      );
    return;
  }
  await steps.record(
    { verb: 'format', fsType: record.fsType, bytes: record.capacityBytes },
    `mkfs.${record.fsType} ${device}`,
  );
}

/** A path the CO gives, absolute and without trailing slashes, so records compare equal. */
export function checkedPath(path: string, what: string): string {
  if (!isAbsolute(path)) throw new Error(`the ${what} ${JSON.stringify(path)} is not absolute`);
  return resolve(path);
}
