import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { hasCode } from './files.js';

/** What a filesystem directory holds: the bytes of its files and how many entries (inodes) it has. */
export interface Usage {
  bytes: number;
  entries: number;
  /** The walk stopped at its bound: the counts are a lower bound. */
  partial: boolean;
}

/** Stats must answer quickly even for a huge volume, so the walk stops here. */
export const USAGE_WALK_LIMIT = 100_000;

/** Walks a directory (never following symlinks) and adds up what it holds; the directory itself counts as one entry. */
export async function measureUsage(root: string, limit = USAGE_WALK_LIMIT): Promise<Usage> {
  const usage: Usage = { bytes: 0, entries: 1, partial: false };
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let handle: Awaited<ReturnType<typeof opendir>>;
    try {
      handle = await opendir(dir);
    } catch (error) {
      if (hasCode(error, 'ENOENT')) continue; // removed while walking
      throw error;
    }
    for await (const entry of handle) {
      if (usage.entries >= limit) {
        usage.partial = true;
        return usage; // leaving the loop closes the directory
      }
      usage.entries++;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) usage.bytes += await sizeOf(path);
    }
  }
  return usage;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await lstat(path)).size;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return 0;
    throw error;
  }
}
