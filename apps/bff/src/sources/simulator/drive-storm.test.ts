import { decodeDriveColumns, TopologySnapshotSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { call } from '../../testing/http.js';
import { removeDir, startTestApp } from '../../testing/test-app.js';
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

describe('the drive-storm fault', () => {
  it('degrades drives through the ingest path at the asked rate, and names bad bounds', async () => {
    const t = await startTestApp();
    try {
      const answer = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
        kind: 'drive-storm',
        changes: 40,
        perSecond: 400,
      });
      expect(answer.status).toBe(202);
      let degraded = 0;
      for (let i = 0; i < 100 && degraded < 40; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const snapshot = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
        degraded = decodeDriveColumns(snapshot.drives).filter((d) => d.health === 'degraded').length;
      }
      expect(degraded).toBe(40);
      const tooMany = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
        kind: 'drive-storm',
        changes: 1e6,
        perSecond: 10,
      });
      expect(tooMany).toMatchObject({ status: 400, body: { error: { field: 'body.changes' } } });
    } finally {
      await t.stop();
      removeDir(t.dataDir);
    }
  });
});
