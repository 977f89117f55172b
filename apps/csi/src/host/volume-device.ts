import { open, stat } from 'node:fs/promises';
import { hasCode } from './files.js';

/**
 * The largest apparent size a device file is given. The file is sparse (it holds only what is
 * written to it), but some filesystems refuse or allocate huge files; a TiB is safe on all the
 * usual ones and far more than the emulation needs.
 */
export const DEVICE_SIZE_CAP = 2 ** 40;
const MIN_DEVICE_SIZE = 2 ** 20;

/**
 * Makes the sparse file standing for a block device at least `capacityBytes` long (up to the
 * cap) and returns its size. Never shrinks it: its bytes are the volume's data. A filesystem that
 * refuses the size gets the largest power-of-two fraction of it that it accepts.
 */
export async function growDevice(path: string, capacityBytes: number): Promise<number> {
  const wanted = Math.min(capacityBytes, DEVICE_SIZE_CAP);
  const handle = await open(path, 'a'); // creates it if absent, keeps it if present
  try {
    const { size } = await handle.stat();
    for (let attempt = wanted; attempt > size; attempt = Math.floor(attempt / 2)) {
      try {
        await handle.truncate(attempt);
        return attempt;
      } catch (error) {
        if (!hasCode(error, 'EFBIG', 'EINVAL', 'EOPNOTSUPP') || attempt <= MIN_DEVICE_SIZE) throw error;
      }
    }
    return size;
  } finally {
    await handle.close();
  }
}

/** The device file's size, or undefined when it has vanished. */
export async function deviceSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}
