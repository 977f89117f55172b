import { lstat, rmdir, unlink } from 'node:fs/promises';
import { hasCode } from './files.js';
import type { VolumeSteps } from './volume-steps.js';

/** Whether anything (a symlink included) is at a path. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/**
 * Removes a mount point the host made, once nothing is mounted on it. Only an empty directory or
 * an empty file: anything else holds data written while it was not mounted, which is not ours to
 * delete (and rmdir or unlink refuse a path still mounted, so nothing is ever deleted through a mount).
 */
export async function removeMountPoint(path: string, steps: VolumeSteps): Promise<void> {
  let stats: Awaited<ReturnType<typeof lstat>>;
  try {
    stats = await lstat(path);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return;
    throw error;
  }
  await steps.checkpoint(`remove ${path}`);
  if (stats.isDirectory()) {
    try {
      await rmdir(path);
    } catch (error) {
      if (hasCode(error, 'ENOTEMPTY', 'EEXIST'))
        throw new Error(`${path} holds files written while nothing was mounted there; it is left in place`);
      throw error;
    }
    return;
  }
  if (stats.isFile() && stats.size === 0) return unlink(path);
  throw new Error(`${path} is not an empty mount point; it is left in place`);
}
