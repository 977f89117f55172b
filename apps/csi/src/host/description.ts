import type { HostDescription } from './host.js';
import type { MountTable } from './mount-table.js';
import { USAGE_WALK_LIMIT } from './usage.js';
import { DEVICE_SIZE_CAP } from './volume-device.js';

const JOURNAL = 'recorded in volumes/<id>/steps.log';

/** Which of the emulated host's steps are real on this machine, and how each is done. */
export function describeEmulatedHost(mounts: MountTable): HostDescription {
  const tib = DEVICE_SIZE_CAP / 2 ** 40;
  const mount = (step: string) => ({ step, real: mounts.real, how: mounts.how });
  return {
    name: 'emulated',
    steps: [
      {
        step: 'attach over iSCSI',
        real: false,
        how: `${JOURNAL}: iscsiadm discovery and login per member target`,
      },
      { step: 'attach over NVMe/TCP', real: false, how: `${JOURNAL}: nvme connect -t tcp per member` },
      { step: 'attach over RoCE', real: false, how: `${JOURNAL}: nvme connect -t rdma per member` },
      {
        step: 'block device',
        real: true,
        how: `a sparse file volumes/<id>/device of the volume's capacity, apparent size capped at ${tib} TiB; one file stands for the members and the array`,
      },
      {
        step: 'RAID assembly (raid1, raid10)',
        real: false,
        how: `${JOURNAL}: mdadm --assemble (--create the first time)`,
      },
      {
        step: 'dm-crypt open and close',
        real: false,
        how: `${JOURNAL}: cryptsetup with the key on stdin; no key reaches this host or its files`,
      },
      {
        step: 'mkfs (mount access)',
        real: false,
        how: `${JOURNAL}, once per volume: the marker volumes/<id>/formatted holds the type and size; the filesystem's contents are the directory volumes/<id>/fs`,
      },
      mount('mount at the staging path (mount access)'),
      mount('device at <staging path>/<volume id> (block access)'),
      mount('bind onto the target path'),
      {
        step: 'read-only publish',
        real: mounts.real,
        how: mounts.real
          ? 'mount -o remount,bind,ro: writes fail with EROFS'
          : 'recorded in mounts.json, not enforced',
      },
      {
        step: 'grow the device (expand)',
        real: true,
        how: 'the device file is truncated to the new capacity (within the cap); a real host would rescan the members',
      },
      {
        step: 'grow the filesystem (expand)',
        real: false,
        how: `${JOURNAL}: resize2fs or xfs_growfs; the new size in volumes/<id>/formatted`,
      },
      {
        step: 'volume stats',
        real: true,
        how: `bytes of the files under volumes/<id>/fs (walk bounded at ${USAGE_WALK_LIMIT} entries) against the filesystem's size; inodes counted against one per 16 KiB`,
      },
    ],
  };
}
