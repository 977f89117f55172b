import {
  EnclosureSourceSchema,
  type FaultResult,
  HardwareSourcesSchema,
  TopologySnapshotSchema,
} from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../testing/http.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

// The embedded default's hardware path end to end: the simulated site served over Redfish HTTP on
// loopback, discovered and followed over SSE by the production Redfish source, committed by the
// ingest. What the API shows is what the Redfish source reported.

let t: TestApp;

const topology = async () =>
  TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
const column = (c: { values: string[]; codes: number[] }, i: number) => c.values[c.codes[i] ?? -1];

async function fault(body: object): Promise<FaultResult> {
  const answer = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  return answer.body as FaultResult;
}

beforeAll(async () => {
  t = await startTestApp({ hardware: 'redfish' });
});

afterAll(async () => {
  await t.stop();
});

describe('the simulated site over Redfish', () => {
  it('is discovered exactly as the same site reported in-process: enclosures, drives, servers', async () => {
    const site = await topology();
    const inProcess = await startTestApp();
    try {
      const reference = TopologySnapshotSchema.parse(
        (await call(inProcess.viewer, 'GET', '/api/v1/topology')).body,
      );
      expect(site.site).toEqual(reference.site);
      expect(site.enclosures).toEqual(reference.enclosures);
      expect(site.servers).toEqual(reference.servers);
      expect([...site.drives.id].sort()).toEqual([...reference.drives.id].sort());
      expect(site.enclosures.every((e) => e.state === 'online')).toBe(true);
    } finally {
      await inProcess.stop();
    }
  });

  it('answers a drive failure once the Redfish event has been read back and committed', async () => {
    const site = await topology();
    const driveId = site.drives.id[3] ?? '';
    const result = await fault({ kind: 'drive-fail', driveId });
    expect(result.revision).toBeGreaterThan(0);
    const after = await topology();
    expect(column(after.drives.health, after.drives.id.indexOf(driveId))).toBe('failed');
    expect(after.revision).toBeGreaterThanOrEqual(result.revision);
  });

  it('puts a new drive in the bay of a replaced one', async () => {
    const site = await topology();
    const driveId = site.drives.id[5] ?? '';
    const result = await fault({ kind: 'drive-replace', driveId });
    const after = await topology();
    expect(after.drives.id).toContain(result.newDriveId);
    expect(after.drives.id).not.toContain(driveId);
  });

  it('takes an enclosure offline and back, and a server down and up', async () => {
    const site = await topology();
    const enclosureId = site.enclosures[1]?.id ?? '';
    await fault({ kind: 'enclosure-offline', enclosureId });
    expect((await topology()).enclosures.find((e) => e.id === enclosureId)?.state).toBe('offline');
    await fault({ kind: 'enclosure-online', enclosureId });
    expect((await topology()).enclosures.find((e) => e.id === enclosureId)?.state).toBe('online');
    const serverId = site.servers[0]?.id ?? '';
    await fault({ kind: 'server-down', serverId });
    expect((await topology()).servers.find((s) => s.id === serverId)?.state).toBe('down');
    await fault({ kind: 'server-up', serverId });
    expect((await topology()).servers.find((s) => s.id === serverId)?.state).toBe('up');
  });
});

describe('where the hardware comes from', () => {
  it('lists the Redfish service with its state, and each enclosure its source record', async () => {
    const sources = HardwareSourcesSchema.parse(
      (await call(t.viewer, 'GET', '/api/v1/hardware/sources')).body,
    );
    expect(sources.source).toBe('redfish');
    expect(sources.services).toHaveLength(1);
    const [service] = sources.services;
    expect(service).toMatchObject({ state: 'up', changes: 'sse', lastError: null });
    expect(service?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const site = await topology();
    const enclosureId = site.enclosures[0]?.id ?? '';
    const record = EnclosureSourceSchema.parse(
      (await call(t.viewer, 'GET', `/api/v1/enclosures/${enclosureId}/source`)).body,
    );
    expect(record).toMatchObject({
      enclosureId,
      service: service?.url,
      path: `/redfish/v1/Chassis/${enclosureId}`,
    });
    expect(record.manufacturer).toBeTruthy();
    expect(record.firmwareVersion).toBeTruthy();
    const unknown = await call(t.viewer, 'GET', '/api/v1/enclosures/enc-nowhere/source');
    expect(unknown.status).toBe(404);
  });
});
