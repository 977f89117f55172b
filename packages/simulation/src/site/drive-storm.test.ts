import { describe, expect, it } from 'vitest';
import { runDriveStorm } from './drive-storm.js';

describe('runDriveStorm', () => {
  it('makes exactly the changes asked, spread over distinct drives, in ticks', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `d${i}`);
    const batches: string[][] = [];
    await runDriveStorm(
      { driveIds: () => ids, flip: async (batch) => void batches.push([...batch]) },
      30,
      200,
      () => false,
      () => undefined,
    );
    expect(batches.flat()).toHaveLength(30);
    expect(new Set(batches.flat()).size).toBe(30);
    expect(batches[0]).toHaveLength(10);
  });

  it('stops when told to, and on an error', async () => {
    let ticks = 0;
    await runDriveStorm(
      { driveIds: () => ['a'], flip: async () => void ticks++ },
      1_000,
      20,
      () => ticks >= 2,
      () => undefined,
    );
    expect(ticks).toBe(2);
    const errors: unknown[] = [];
    await runDriveStorm(
      { driveIds: () => ['a'], flip: () => Promise.reject(new Error('gone')) },
      10,
      20,
      () => false,
      (e) => errors.push(e),
    );
    expect(errors).toHaveLength(1);
  });
});
