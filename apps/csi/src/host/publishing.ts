import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deviceStack } from './device-stack.js';
import { exists, removeMountPoint } from './file-checks.js';
import type { PublishSpec } from './host.js';
import { type HostContext, openVolume } from './host-context.js';
import { mountAt, unmountAt } from './mount-steps.js';
import { checkedPath } from './staging.js';
import { readVolume, stagedPoint, writeVolume } from './volume-record.js';

/**
 * NodePublish: the target goes into the record before the host makes it (so an unpublish after a
 * kill finds and removes it), then the staged filesystem or device is bound onto it.
 */
export async function publishVolume(host: HostContext, spec: PublishSpec): Promise<void> {
  const stagingPath = checkedPath(spec.stagingPath, 'staging path');
  const target = checkedPath(spec.targetPath, 'target path');
  if (target === stagingPath) throw new Error('the target path must differ from the staging path');
  const steps = await openVolume(host, spec.volumeId);
  const record = await readVolume(steps.files);
  const source = record && stagedPoint(record, stagingPath);
  if (!record || !source || record.stagingPath !== stagingPath || !(await host.mounts.find(source)))
    throw new Error(`volume ${spec.volumeId} is not staged at ${stagingPath}`);
  if (record.accessType !== spec.accessType)
    throw new Error(
      `volume ${spec.volumeId} is staged for ${record.accessType} access, not ${spec.accessType}`,
    );
  if (!record.targets.includes(target)) {
    await steps.checkpoint('record the target');
    await writeVolume(steps.files, { ...record, targets: [...record.targets, target] });
  }
  if (!(await exists(target))) {
    await steps.checkpoint(`make ${target}`);
    if (spec.accessType === 'mount') await mkdir(target, { recursive: true });
    else {
      await mkdir(dirname(target), { recursive: true });
      await (await open(target, 'a')).close();
    }
  }
  const readonly = spec.readonly || spec.mountFlags.includes('ro');
  const real =
    spec.accessType === 'mount'
      ? `mount --bind${readonly ? ' -o ro' : ''} ${stagingPath} ${target}`
      : `mount --bind${readonly ? ' -o ro' : ''} ${deviceStack(record).top} ${target}`;
  await mountAt(host, steps, { source, point: target, readonly, real });
}

/** NodeUnpublish: unbind, remove the target, then drop it from the record. Not a target of this volume: nothing to do. */
export async function unpublishVolume(host: HostContext, volumeId: string, path: string): Promise<void> {
  const target = checkedPath(path, 'target path');
  const steps = await openVolume(host, volumeId);
  const record = await readVolume(steps.files);
  if (!record?.targets.includes(target)) return;
  await unmountAt(host, steps, target);
  await removeMountPoint(target, steps);
  await steps.checkpoint('forget the target');
  await writeVolume(steps.files, { ...record, targets: record.targets.filter((t) => t !== target) });
}
