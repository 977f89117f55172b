import { AuditPageSchema, LocateResultSchema, TopologySnapshotSchema } from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUsers } from './testing/clients.js';
import { call } from './testing/http.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

// Locate LEDs through the API, on the simulated site reached in-process and over Redfish (where the
// source PATCHes LocationIndicatorActive): lit on the hardware, recorded for every browser's map,
// idempotent, refused with the field named.

describe.each(['in-process', 'redfish'] as const)('locate on %s hardware', (hardware) => {
  let t: TestApp;
  let driveId: string;
  let enclosureId: string;
  const topology = async () =>
    TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);

  beforeAll(async () => {
    t = await startTestApp({ hardware });
    const snapshot = await topology();
    driveId = snapshot.drives.id[0] ?? '';
    enclosureId = snapshot.enclosures[1]?.id ?? '';
  });
  afterAll(async () => {
    await t.stop();
  });

  it('lights a drive bay: recorded with who asked, in the topology every browser reads', async () => {
    const lit = await call(t.operator, 'POST', `/api/v1/drives/${driveId}/locate`, { on: true });
    expect(lit.status).toBe(200);
    const result = LocateResultSchema.parse(lit.body);
    expect(result).toMatchObject({ kind: 'drive', id: driveId, on: true, changed: true });
    expect(result.locate?.by).toBe(`user:${testUsers.operator.username}`);
    expect((await topology()).locates).toEqual([result.locate]);

    const audit = AuditPageSchema.parse(
      (await call(t.admin, 'GET', '/api/v1/audit?action=locate&limit=5')).body,
    );
    expect(audit.records.some((r) => r.target?.includes(driveId) && r.result === 'ok')).toBe(true);
  });

  it('is idempotent: lighting a lit LED changes nothing', async () => {
    const before = (await topology()).locates;
    const again = LocateResultSchema.parse(
      (await call(t.operator, 'POST', `/api/v1/drives/${driveId}/locate`, { on: true })).body,
    );
    expect(again.changed).toBe(false);
    // The same record, lit since the first request (only the audit trail notes the second).
    expect((await topology()).locates).toEqual(before);
    expect(again.locate).toEqual(before[0]);
  });

  it('lights and clears an enclosure, and clears the drive', async () => {
    expect(
      LocateResultSchema.parse(
        (await call(t.operator, 'POST', `/api/v1/enclosures/${enclosureId}/locate`, { on: true })).body,
      ).changed,
    ).toBe(true);
    expect((await topology()).locates.map((l) => `${l.kind}/${l.id}`).sort()).toEqual(
      [`drive/${driveId}`, `enclosure/${enclosureId}`].sort(),
    );
    for (const path of [`/api/v1/enclosures/${enclosureId}/locate`, `/api/v1/drives/${driveId}/locate`])
      expect((await call(t.operator, 'POST', path, { on: false })).status).toBe(200);
    expect((await topology()).locates).toEqual([]);
  });

  it('refuses an unknown drive, a bad body and a viewer, naming what is wrong', async () => {
    const unknown = await call(t.operator, 'POST', '/api/v1/drives/drv-nope/locate', { on: true });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'NOT_FOUND', field: 'id' } });
    const bad = await call(t.operator, 'POST', `/api/v1/drives/${driveId}/locate`, { on: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'body.on' } });
    const viewer = await call(t.viewer, 'POST', `/api/v1/drives/${driveId}/locate`, { on: true });
    expect(viewer.status).toBe(403);
    expect((await topology()).locates).toEqual([]);
  });
});
