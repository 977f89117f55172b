import { exists } from './file-checks.js';
import type { PathState } from './host.js';
import type { HostContext } from './host-context.js';
import { readFilesystem } from './recorded-steps.js';
import { checkedPath } from './staging.js';
import { measureUsage } from './usage.js';
import { readVolume, stagedPoint, volumeFiles } from './volume-record.js';

/** ext4's default bytes-per-inode ratio: the nominal inode count a filesystem of this size is made with. */
export const BYTES_PER_INODE = 16 * 1024;

/**
 * NodeGetVolumeStats' view of a path: the volume's own accounting, not the host filesystem's
 * (fs/ shares a disk with everything else, so statfs would describe that disk, not the volume).
 */
export async function inspectVolume(
  host: HostContext,
  volumeId: string,
  path: string,
): Promise<PathState | undefined> {
  const volumePath = checkedPath(path, 'volume path');
  const files = volumeFiles(host.stateDir, volumeId);
  const record = await readVolume(files);
  if (!record) return undefined;
  const staged = record.stagingPath === volumePath;
  if (!staged && !record.targets.includes(volumePath)) return undefined;
  if (!(await host.mounts.find(staged ? stagedPoint(record, volumePath) : volumePath))) return undefined;
  const capacity = record.capacityBytes;
  const deviceGone = !(await exists(files.device));
  if (record.accessType === 'block') {
    // Block access has only a size; nothing is "used" that the host could count.
    const abnormal = deviceGone ? `the volume's device ${files.device} has vanished` : undefined;
    return { accessType: 'block', bytes: { total: capacity, used: 0, available: capacity }, abnormal };
  }
  const total = (await readFilesystem(files))?.bytes ?? capacity;
  if (!(await exists(files.fs)) || deviceGone) {
    const lost = deviceGone ? `device ${files.device}` : `filesystem directory ${files.fs}`;
    return {
      accessType: 'mount',
      bytes: { total, used: 0, available: 0 },
      abnormal: `the volume's ${lost} has vanished`,
    };
  }
  const usage = await measureUsage(files.fs);
  const inodes = Math.max(usage.entries, Math.floor(total / BYTES_PER_INODE));
  return {
    accessType: 'mount',
    bytes: { total, used: usage.bytes, available: Math.max(0, total - usage.bytes) },
    inodes: { total: inodes, used: usage.entries, available: inodes - usage.entries },
  };
}
