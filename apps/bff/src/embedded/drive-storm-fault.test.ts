import { decodeDriveColumns, TopologySnapshotSchema } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { call } from '../testing/http.js';
import { removeDir, startTestApp } from '../testing/test-app.js';

describe('the drive-storm fault', () => {
  it('commits a tick of changes across many enclosures as one batch', async () => {
    const t = await startTestApp();
    try {
      const revision = async () =>
        ((await (await fetch(`${t.url}/readyz`)).json()) as { revision: number }).revision;
      const before = await revision();
      // One tick: 20 drives (400/s over 20 ticks a second), spread by the stride over most enclosures.
      await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
        kind: 'drive-storm',
        changes: 20,
        perSecond: 400,
      });
      let drives = decodeDriveColumns(
        TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body).drives,
      );
      for (let i = 0; i < 100 && drives.filter((d) => d.health === 'degraded').length < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        drives = decodeDriveColumns(
          TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body).drives,
        );
      }
      const degraded = drives.filter((d) => d.health === 'degraded');
      expect(degraded).toHaveLength(20);
      expect(new Set(degraded.map((d) => d.enclosure)).size).toBeGreaterThan(3);
      // The tick's transaction (with the request's audit record in it, or beside it): not one per enclosure.
      expect((await revision()) - before).toBeLessThanOrEqual(2);
    } finally {
      await t.stop();
      removeDir(t.dataDir);
    }
  });

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
