import type { StageSpec } from './host.js';
import { attacherFor } from './transports.js';

/** The block devices a real host stacks for a volume: the members, the md array, the dm-crypt mapping. */
export interface DeviceStack {
  members: string[];
  array: string | undefined;
  mapping: string | undefined;
  /** The device the filesystem is on (or the pod gets, for block access). */
  top: string;
}

type StackSpec = Pick<StageSpec, 'volumeId' | 'transport' | 'layout' | 'members' | 'encrypted'>;

export function deviceStack(volume: StackSpec): DeviceStack {
  const attacher = attacherFor(volume.transport);
  const members = volume.members.map((m) => attacher.memberDevice(m));
  const array = volume.layout === 'single' ? undefined : `/dev/md/drivebay-${volume.volumeId}`;
  const mapping = volume.encrypted ? `/dev/mapper/drivebay-${volume.volumeId}` : undefined;
  return { members, array, mapping, top: mapping ?? array ?? members[0] ?? '<no member>' };
}

/** Assembles the array, or creates it when its members carry no md superblock yet (a new volume). */
export function assembleCommand(stack: DeviceStack, layout: 'raid1' | 'raid10'): string {
  const level = layout === 'raid1' ? 1 : 10;
  const devices = stack.members.join(' ');
  return `mdadm --assemble ${stack.array} ${devices} || mdadm --create ${stack.array} --level=${level} --raid-devices=${stack.members.length} --metadata=1.2 ${devices}`;
}

/** Opens dm-crypt, formatting LUKS the first time; the key comes from Drivebay on stdin, never from a file. */
export function openCommand(stack: DeviceStack, volumeId: string): string {
  const under = stack.array ?? stack.members[0] ?? '<no member>';
  return `cryptsetup isLuks ${under} || cryptsetup luksFormat --batch-mode --key-file=- ${under}; cryptsetup open --key-file=- ${under} drivebay-${volumeId}`;
}
