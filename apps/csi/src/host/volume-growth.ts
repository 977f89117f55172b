import { type DeviceStack, deviceStack } from './device-stack.js';
import { type HostContext, openVolume } from './host-context.js';
import { readFilesystem } from './recorded-steps.js';
import { checkedPath } from './staging.js';
import { DEVICE_SIZE_CAP, deviceSize, growDevice } from './volume-device.js';
import { readVolume, type VolumeRecord, writeVolume } from './volume-record.js';

/**
 * NodeExpand: the new capacity into the record, the device grown (the members grew on the drives
 * when Drivebay expanded the volume; the host sees it after a rescan), then the filesystem grown.
 * Never shrinks anything.
 */
export async function expandVolume(
  host: HostContext,
  volumeId: string,
  path: string,
  capacityBytes: number,
): Promise<void> {
  const volumePath = checkedPath(path, 'volume path');
  const steps = await openVolume(host, volumeId);
  const record = await readVolume(steps.files);
  if (!record?.stagingPath || (volumePath !== record.stagingPath && !record.targets.includes(volumePath)))
    throw new Error(`volume ${volumeId} is not staged or published at ${volumePath}`);
  const capacity = Math.max(capacityBytes, record.capacityBytes);
  if (capacity > record.capacityBytes) {
    await steps.checkpoint('record the capacity');
    await writeVolume(steps.files, { ...record, capacityBytes: capacity });
  }
  const stack = deviceStack(record);
  const size = await deviceSize(steps.files.device);
  if (size === undefined) throw new Error(`the volume's device ${steps.files.device} has vanished`);
  if (size < Math.min(capacity, DEVICE_SIZE_CAP)) {
    const here = `truncate -s ${Math.min(capacity, DEVICE_SIZE_CAP)} ${steps.files.device}`;
    await steps.journal('real', 'grow-device', `${growCommand(record, stack)}  # here: ${here}`);
    await growDevice(steps.files.device, capacity);
  }
  if (record.accessType === 'block') return;
  const made = await readFilesystem(steps.files);
  if (!made) throw new Error(`volume ${volumeId} has no filesystem to grow`);
  if (made.bytes >= capacity) return;
  const command = made.fsType === 'ext4' ? `resize2fs ${stack.top}` : `xfs_growfs ${record.stagingPath}`;
  await steps.record({ verb: 'grow-fs', bytes: capacity }, command);
}

/** What a real host runs to see the grown members: rescan them, then grow the array and the mapping on top. */
function growCommand(record: VolumeRecord, stack: DeviceStack): string {
  const rescan =
    record.transport === 'iscsi'
      ? ['iscsiadm -m session --rescan']
      : record.members.map((m) => `nvme ns-rescan <controller of ${m.driveId}>`);
  if (stack.array) rescan.push(`mdadm --grow ${stack.array} --size=max`);
  if (stack.mapping) rescan.push(`cryptsetup resize drivebay-${record.volumeId}`);
  return rescan.join(' && ');
}
