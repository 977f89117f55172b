import { join, resolve } from 'node:path';
import { readIfExists, writeFileAtomic } from './files.js';
import type { AccessType, StageMember, StageSpec, Transport } from './host.js';

/** Where a volume's emulated parts live: `<stateDir>/volumes/<volumeId>/`. */
export interface VolumeFiles {
  dir: string;
  /** volume.json: what was staged, where, and the capacity (kept across unstage: it is the volume's). */
  record: string;
  /** The sparse file standing for the volume's block device (the md or dm-crypt device on top). */
  device: string;
  /** The directory standing for the filesystem's contents. */
  fs: string;
  /** Marker: the filesystem was made (its type and size); never made twice. */
  formatted: string;
  /** One marker per member the transport reached, named by its member token. */
  attached: string;
  /** Marker: the RAID array is assembled. */
  raid: string;
  /** Marker: the dm-crypt mapping is open. */
  crypt: string;
  /** steps.log: what a real host would have run, one line per step. */
  journal: string;
}

/** What the host keeps of a volume between calls. */
export interface VolumeRecord {
  volumeId: string;
  capacityBytes: number;
  accessType: AccessType;
  fsType: StageSpec['fsType'];
  transport: Transport;
  layout: StageSpec['layout'];
  encrypted: boolean;
  members: StageMember[];
  /** Where the volume is staged (set before the first step, cleared after the last undo). */
  stagingPath: string | null;
  /** Where it is published (added before the target is made, removed once it is gone). */
  targets: string[];
}

// The id becomes a path segment: no separators, no "." or "..". Drivebay's ids already fit.
const SAFE_ID = /^[a-z0-9][a-z0-9._-]{0,127}$/i;

export function volumeFiles(stateDir: string, volumeId: string): VolumeFiles {
  if (!SAFE_ID.test(volumeId))
    throw new Error(`volume id ${JSON.stringify(volumeId)} cannot name a directory`);
  const dir = join(resolve(stateDir), 'volumes', volumeId);
  return {
    dir,
    record: join(dir, 'volume.json'),
    device: join(dir, 'device'),
    fs: join(dir, 'fs'),
    formatted: join(dir, 'formatted'),
    attached: join(dir, 'attached'),
    raid: join(dir, 'raid-assembled'),
    crypt: join(dir, 'crypt-open'),
    journal: join(dir, 'steps.log'),
  };
}

/** Whether a drive id can name a marker file. */
export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

/** Where the volume shows at its staging path: the path itself (mount) or `<stagingPath>/<volumeId>` (block). */
export function stagedPoint(
  record: Pick<VolumeRecord, 'accessType' | 'volumeId'>,
  stagingPath: string,
): string {
  return record.accessType === 'mount' ? stagingPath : join(stagingPath, record.volumeId);
}

export async function readVolume(files: VolumeFiles): Promise<VolumeRecord | undefined> {
  const text = await readIfExists(files.record);
  return text === undefined ? undefined : parseVolumeRecord(text, files.record);
}

export async function writeVolume(files: VolumeFiles, record: VolumeRecord): Promise<void> {
  await writeFileAtomic(files.record, `${JSON.stringify(record, null, 2)}\n`);
}

export function parseVolumeRecord(text: string, where: string): VolumeRecord {
  const value: unknown = JSON.parse(text);
  const bad = (field: string) => new Error(`${where}: ${field} is missing or malformed`);
  if (!isObject(value)) throw bad('the record');
  const { volumeId, capacityBytes, accessType, fsType, transport, layout, encrypted, members } = value;
  const { stagingPath, targets } = value;
  if (typeof volumeId !== 'string') throw bad('volumeId');
  if (typeof capacityBytes !== 'number' || !Number.isSafeInteger(capacityBytes)) throw bad('capacityBytes');
  if (accessType !== 'mount' && accessType !== 'block') throw bad('accessType');
  if (fsType !== 'ext4' && fsType !== 'xfs') throw bad('fsType');
  if (transport !== 'iscsi' && transport !== 'nvmetcp' && transport !== 'roce') throw bad('transport');
  if (layout !== 'single' && layout !== 'raid1' && layout !== 'raid10') throw bad('layout');
  if (typeof encrypted !== 'boolean') throw bad('encrypted');
  if (!Array.isArray(members) || !members.every(isMember)) throw bad('members');
  if (stagingPath !== null && typeof stagingPath !== 'string') throw bad('stagingPath');
  if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) throw bad('targets');
  return {
    volumeId,
    capacityBytes,
    accessType,
    fsType,
    transport,
    layout,
    encrypted,
    members,
    stagingPath,
    targets,
  };
}

export function isMember(value: unknown): value is StageMember {
  if (!isObject(value)) return false;
  const { driveId, set, copy, slice } = value;
  if (typeof driveId !== 'string' || !Number.isInteger(set) || !Number.isInteger(copy)) return false;
  if (slice === undefined) return true;
  return isObject(slice) && Number.isInteger(slice.offsetGiB) && Number.isInteger(slice.sizeGiB);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
