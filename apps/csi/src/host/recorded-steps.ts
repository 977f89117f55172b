import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hasCode, readIfExists, writeFileAtomic } from './files.js';
import type { StageMember, StageSpec, Transport } from './host.js';
import { isObject, isSafeId, type VolumeFiles } from './volume-record.js';

/**
 * The steps this host only records. Each has an effect on the emulated machine (a marker in the
 * volume's directory) that stands for the kernel state a real host would have after running it.
 * A step's journal line is written before its effect, and its id says everything the effect
 * needs, so a plugin killed in between finishes the step from the line alone (`applyStep`).
 */
export type RecordedStep =
  | { verb: 'attach' | 'detach'; transport: Transport; member: StageMember }
  | { verb: 'assemble'; layout: 'raid1' | 'raid10' }
  | { verb: 'stop' }
  | { verb: 'open' }
  | { verb: 'close' }
  | { verb: 'format'; fsType: StageSpec['fsType']; bytes: number }
  | { verb: 'grow-fs'; bytes: number };

/** What the filesystem marker says: the filesystem's type and size. */
export interface Filesystem {
  fsType: StageSpec['fsType'];
  bytes: number;
}

/** A member as a file name and step-id part: `s<set>c<copy>-<driveId>[@<offsetGiB>+<sizeGiB>]`. */
export function memberToken(member: StageMember): string {
  if (!isSafeId(member.driveId))
    throw new Error(`drive id ${JSON.stringify(member.driveId)} cannot name a file`);
  const slice = member.slice ? `@${member.slice.offsetGiB}+${member.slice.sizeGiB}` : '';
  return `s${member.set}c${member.copy}-${member.driveId}${slice}`;
}

export function parseMemberToken(token: string): StageMember | undefined {
  const match = /^s(\d+)c(\d+)-([a-z0-9][a-z0-9._-]*?)(?:@(\d+)\+(\d+))?$/i.exec(token);
  if (!match) return undefined;
  const [, set, copy, driveId = '', offset, size] = match;
  return {
    driveId,
    set: Number(set),
    copy: Number(copy),
    slice: offset === undefined ? undefined : { offsetGiB: Number(offset), sizeGiB: Number(size) },
  };
}

export function stepId(step: RecordedStep): string {
  switch (step.verb) {
    case 'attach':
    case 'detach':
      return `${step.verb}/${step.transport}/${memberToken(step.member)}`;
    case 'assemble':
      return `assemble/${step.layout}`;
    case 'stop':
    case 'open':
    case 'close':
      return step.verb;
    case 'format':
      return `format/${step.fsType}/${step.bytes}`;
    case 'grow-fs':
      return `grow-fs/${step.bytes}`;
  }
}

/** The recorded step a journal line names, or undefined for a real step or a mount. */
export function parseStepId(id: string): RecordedStep | undefined {
  const [verb, a, b] = id.split('/');
  switch (verb) {
    case 'attach':
    case 'detach': {
      const member = b === undefined ? undefined : parseMemberToken(b);
      return isTransport(a) && member ? { verb, transport: a, member } : undefined;
    }
    case 'assemble':
      return a === 'raid1' || a === 'raid10' ? { verb, layout: a } : undefined;
    case 'stop':
    case 'open':
    case 'close':
      return { verb };
    case 'format':
      return (a === 'ext4' || a === 'xfs') && isByteCount(b)
        ? { verb, fsType: a, bytes: Number(b) }
        : undefined;
    case 'grow-fs':
      return isByteCount(a) ? { verb, bytes: Number(a) } : undefined;
    default:
      return undefined;
  }
}

/** Makes the emulated machine show a recorded step as done. Idempotent: recovery may apply it again. */
export async function applyStep(files: VolumeFiles, step: RecordedStep): Promise<void> {
  switch (step.verb) {
    case 'attach':
      await mkdir(files.attached, { recursive: true });
      return writeFileAtomic(join(files.attached, memberToken(step.member)), `${step.transport}\n`);
    case 'detach':
      return rm(join(files.attached, memberToken(step.member)), { force: true });
    case 'assemble':
      return writeFileAtomic(files.raid, `${step.layout}\n`);
    case 'stop':
      return rm(files.raid, { force: true });
    case 'open':
      return writeFileAtomic(files.crypt, 'open\n');
    case 'close':
      return rm(files.crypt, { force: true });
    case 'format':
      // Never empties fs/: made again by recovery, it may already hold the volume's data.
      await mkdir(files.fs, { recursive: true });
      return writeFilesystem(files, { fsType: step.fsType, bytes: step.bytes });
    case 'grow-fs': {
      const made = await readFilesystem(files);
      if (made && made.bytes < step.bytes) await writeFilesystem(files, { ...made, bytes: step.bytes });
      return;
    }
  }
}

/** The members the transport has reached, each with the transport that reached it. */
export async function attachedMembers(
  files: VolumeFiles,
): Promise<{ transport: Transport; member: StageMember }[]> {
  let names: string[];
  try {
    names = await readdir(files.attached);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return [];
    throw error;
  }
  const found: { transport: Transport; member: StageMember }[] = [];
  for (const name of names.sort()) {
    const member = parseMemberToken(name);
    const transport = (await readIfExists(join(files.attached, name)))?.trim();
    if (member && isTransport(transport)) found.push({ transport, member });
  }
  return found;
}

/** Whether the transport has reached this member. */
export async function isAttached(files: VolumeFiles, member: StageMember): Promise<boolean> {
  return (await readIfExists(join(files.attached, memberToken(member)))) !== undefined;
}

export async function readFilesystem(files: VolumeFiles): Promise<Filesystem | undefined> {
  const text = await readIfExists(files.formatted);
  if (text === undefined) return undefined;
  const value: unknown = JSON.parse(text);
  if (
    !isObject(value) ||
    (value.fsType !== 'ext4' && value.fsType !== 'xfs') ||
    typeof value.bytes !== 'number'
  )
    throw new Error(`${files.formatted}: not a filesystem marker`);
  return { fsType: value.fsType, bytes: value.bytes };
}

function writeFilesystem(files: VolumeFiles, made: Filesystem): Promise<void> {
  return writeFileAtomic(files.formatted, `${JSON.stringify(made)}\n`);
}

function isTransport(value: string | undefined): value is Transport {
  return value === 'iscsi' || value === 'nvmetcp' || value === 'roce';
}

function isByteCount(value: string | undefined): value is string {
  return value !== undefined && /^\d+$/.test(value);
}
