import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { promisify } from 'node:util';
import { hasCode } from './files.js';
import { type MountTable, sameFile } from './mount-table.js';
import { readMountInfo } from './mountinfo.js';

const run = promisify(execFile);

// A path holding more mounts than this was stacked by something else; unbind stops rather than loop.
const MAX_STACKED = 8;

/** Real bind mounts; /proc/self/mountinfo, not a cache, says what is mounted. */
export class BindMounts implements MountTable {
  readonly real = true;
  readonly how =
    'mount --bind, mount -o remount,bind,ro and umount; /proc/self/mountinfo says what is mounted';

  constructor(private readonly checkpoint: (point: string) => Promise<void>) {}

  async find(target: string): Promise<{ readonly: boolean } | undefined> {
    const point = await realpathIfExists(target);
    if (point === undefined) return undefined;
    const top = (await readMountInfo()).filter((m) => m.mountPoint === point).at(-1);
    return top && { readonly: top.readonly };
  }

  async bind(source: string, target: string, readonly: boolean): Promise<void> {
    let mounted = await this.find(target);
    if (mounted && !(await sameFile(source, target)))
      throw new Error(`${target} already has something other than ${source} mounted on it`);
    if (!mounted) {
      await this.checkpoint(`mount --bind ${target}`);
      await mount('--bind', source, target);
      // A bind mount starts with its source mount's flags, which may differ from the ones asked for.
      mounted = await this.find(target);
    }
    if (mounted?.readonly !== readonly) {
      await this.checkpoint(`remount ${target}`);
      await mount('-o', `remount,bind,${readonly ? 'ro' : 'rw'}`, target);
    }
  }

  async unbind(target: string): Promise<void> {
    for (let stacked = 0; await this.find(target); stacked++) {
      if (stacked === MAX_STACKED)
        throw new Error(`${target} still has mounts after ${MAX_STACKED} unmounts`);
      await this.checkpoint(`umount ${target}`);
      await command('umount', [target]);
    }
  }
}

function mount(...args: string[]): Promise<void> {
  return command('mount', args);
}

async function command(file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, { timeout: 30_000 });
  } catch (error) {
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : '';
    throw new Error(`${file} ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

async function realpathIfExists(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}
