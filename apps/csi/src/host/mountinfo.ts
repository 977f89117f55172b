import { readFile } from 'node:fs/promises';

/** One line of /proc/self/mountinfo, the fields this host reads. */
export interface MountInfo {
  /** Where it is mounted. */
  mountPoint: string;
  /** The mount's own read-only flag (a bind mount has its own, apart from the filesystem's). */
  readonly: boolean;
}

/** Parses mountinfo (proc(5)): `id parent major:minor root mountpoint options [optional...] - type source super-options`. */
export function parseMountInfo(text: string): MountInfo[] {
  const mounts: MountInfo[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const [, , , , mountPoint, options] = fields;
    if (mountPoint === undefined || options === undefined) continue;
    mounts.push({ mountPoint: decodePath(mountPoint), readonly: options.split(',').includes('ro') });
  }
  return mounts;
}

/** What is mounted now, in mount order (the last one at a path is the one seen there). */
export async function readMountInfo(): Promise<MountInfo[]> {
  return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
}

// The kernel writes space, tab, newline and backslash in paths as octal escapes.
function decodePath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}
