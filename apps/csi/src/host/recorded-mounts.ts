import { lstat, mkdir, readdir, readlink, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasCode, readIfExists, writeFileAtomic } from './files.js';
import type { MountTable } from './mount-table.js';
import { isObject } from './volume-record.js';

/** One recorded mount: what the kernel's table would hold, and what the path was before. */
interface RecordedMount {
  target: string;
  source: string;
  readonly: boolean;
  /** The mount point the CO or host made, put back on unbind. */
  was: 'dir' | 'file';
}

/**
 * A mount table kept in `<stateDir>/mounts.json` for machines that do not permit bind mounts.
 * It stands for the kernel's table, so it outlives the plugin. A mounted path is made a symlink
 * to its source, so what is written there lands in the volume as it would through a mount.
 *
 * Order, so that a kill between any two steps leaves something a retry finishes: bind writes the
 * entry before the symlink, unbind removes the symlink before the entry. A symlink therefore
 * always has its entry, and a path counts as mounted only with both.
 */
export class RecordedMounts implements MountTable {
  readonly real = false;
  readonly how: string;
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    stateDir: string,
    private readonly checkpoint: (point: string) => Promise<void>,
  ) {
    this.file = join(stateDir, 'mounts.json');
    this.how = `recorded in ${this.file}; the path becomes a symlink to its source, so data lands in the volume`;
  }

  async find(target: string): Promise<{ readonly: boolean } | undefined> {
    const entry = (await this.load()).find((m) => m.target === target);
    if (!entry || (await linkOf(target)) !== entry.source) return undefined;
    return { readonly: entry.readonly };
  }

  bind(source: string, target: string, readonly: boolean): Promise<void> {
    return this.serially(async () => {
      const mounts = await this.load();
      let entry = mounts.find((m) => m.target === target);
      if (entry && entry.source !== source)
        throw new Error(`${target} already has ${entry.source} mounted on it (recorded in ${this.file})`);
      if (!entry) {
        entry = { target, source, readonly, was: await mountPointKind(target) };
        await this.checkpoint(`record mount ${target}`);
        await this.save([...mounts, entry]);
      } else if (entry.readonly !== readonly) {
        await this.checkpoint(`record remount ${target}`);
        await this.save(mounts.map((m) => (m === entry ? { ...m, readonly } : m)));
      }
      await this.link(entry);
    });
  }

  unbind(target: string): Promise<void> {
    return this.serially(async () => {
      const mounts = await this.load();
      const entry = mounts.find((m) => m.target === target);
      if (!entry) return;
      if ((await linkOf(target)) === entry.source) {
        await this.checkpoint(`unlink ${target}`);
        await unlink(target);
      }
      await this.checkpoint(`restore ${target}`);
      await restore(entry);
      await this.checkpoint(`forget mount ${target}`);
      await this.save(mounts.filter((m) => m !== entry));
    });
  }

  /** Replaces the (empty) mount point with a symlink to the source. */
  private async link(entry: RecordedMount): Promise<void> {
    const link = await linkOf(entry.target);
    if (link === entry.source) return;
    if (link !== undefined) throw new Error(`${entry.target} is a symlink to ${link}, not a mount point`);
    if (await exists(entry.target)) {
      const kind = await mountPointKind(entry.target);
      await this.checkpoint(`clear mount point ${entry.target}`);
      await (kind === 'dir' ? rmdir(entry.target) : unlink(entry.target));
    }
    await this.checkpoint(`symlink ${entry.target}`);
    await symlink(entry.source, entry.target);
  }

  private async load(): Promise<RecordedMount[]> {
    const text = await readIfExists(this.file);
    if (text === undefined) return [];
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || !Array.isArray(value.mounts) || !value.mounts.every(isRecordedMount))
      throw new Error(`${this.file} is not a mount table`);
    return value.mounts;
  }

  private save(mounts: RecordedMount[]): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify({ mounts }, null, 2)}\n`);
  }

  /** One read-modify-write of the table at a time: two at once would lose an entry. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** What a mount point is; like a real mount, it must exist, and (unlike one) must be empty, as its contents would be lost. */
async function mountPointKind(path: string): Promise<'dir' | 'file'> {
  const stats = await lstat(path);
  if (stats.isDirectory()) {
    if ((await readdir(path)).length > 0)
      throw new Error(`${path} is not empty: a recorded mount would hide its contents for good`);
    return 'dir';
  }
  if (stats.isFile() && stats.size === 0) return 'file';
  throw new Error(`${path} is neither an empty directory nor an empty file: it cannot be a mount point here`);
}

async function restore(entry: RecordedMount): Promise<void> {
  if (await exists(entry.target)) return;
  await (entry.was === 'dir' ? mkdir(entry.target) : writeFile(entry.target, '', { flag: 'wx' }));
}

async function linkOf(path: string): Promise<string | undefined> {
  try {
    return await readlink(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'EINVAL')) return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function isRecordedMount(value: unknown): value is RecordedMount {
  return (
    isObject(value) &&
    typeof value.target === 'string' &&
    typeof value.source === 'string' &&
    typeof value.readonly === 'boolean' &&
    (value.was === 'dir' || value.was === 'file')
  );
}
