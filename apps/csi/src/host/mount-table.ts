import { stat } from 'node:fs/promises';
import { hasCode } from './files.js';

/**
 * What is mounted where: real bind mounts (bind-mounts.ts) or a recorded table standing for the
 * kernel's (recorded-mounts.ts). Every method is idempotent.
 */
export interface MountTable {
  /** Whether mounts happen for real here. */
  readonly real: boolean;
  /** How a mount is made here, for describe(). */
  readonly how: string;
  /** The mount seen at a path, or undefined when nothing is mounted there. */
  find(target: string): Promise<{ readonly: boolean } | undefined>;
  /**
   * Shows `source` at `target` (an existing directory or file), read-only when asked. Already so:
   * nothing to do; another source mounted there: an error.
   */
  bind(source: string, target: string, readonly: boolean): Promise<void>;
  /** Unmounts whatever this table mounted at a path; leaves the path as it was before. */
  unbind(target: string): Promise<void>;
}

/** Whether two paths show one file or directory (a bind mount shows its source's inode). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [one, other] = await Promise.all([stat(a), stat(b)]);
    return one.dev === other.dev && one.ino === other.ino;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return false;
    throw error;
  }
}
