import {
  AvailableCapacitySchema,
  ServerListSchema,
  TopologySnapshotSchema,
  VolumeSchema,
} from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorOf } from './testing/http.js';
import { removeDir, startTestApp, type TestApp } from './testing/test-app.js';

// What the CSI plugin asks of Drivebay's HTTP API beyond the volume lifecycle: capacity for a
// class, servers by hostname, the CSI call a request is made for, a node's reported failure, a
// size limit, paging by name, and detaching from a server that is down.

let t: TestApp;
const GiB = 1024 ** 3;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
  removeDir(t.dataDir);
});

const volume = async (id: string) =>
  VolumeSchema.parse((await call(t.viewer, 'GET', `/api/v1/volumes/${id}`)).body);
const withCall = (rpc: string) => ({ 'drivebay-csi-call': rpc, 'content-type': 'application/json' });
const post = (path: string, body: unknown, rpc?: string) =>
  t.operator.fetch(path, {
    method: 'POST',
    headers: rpc ? withCall(rpc) : { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/v1/capacity/available', () => {
  it('answers free bytes as a decimal string and the largest volume, per class parameters', async () => {
    const plain = AvailableCapacitySchema.parse(
      (await call(t.viewer, 'POST', '/api/v1/capacity/available', { parameters: { type: 'hdd' } })).body,
    );
    const mirrored = AvailableCapacitySchema.parse(
      (
        await call(t.viewer, 'POST', '/api/v1/capacity/available', {
          parameters: { type: 'hdd', redundancy: 'true' },
        })
      ).body,
    );
    expect(BigInt(plain.availableBytes)).toBeGreaterThan(0n);
    expect(BigInt(mirrored.availableBytes)).toBe(BigInt(plain.availableBytes) / 2n);
    expect(plain.maximumVolumeBytes).toBeGreaterThan(0);
    expect(plain.explanation.length).toBeGreaterThan(1);
    const bad = await call(t.viewer, 'POST', '/api/v1/capacity/available', { parameters: { raid: '5' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).field).toMatch(/^body\.parameters/);
  });
});

describe('GET /api/v1/servers', () => {
  it('finds a server by hostname, and one by id', async () => {
    const topology = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
    const server = topology.servers[0]!;
    const found = ServerListSchema.parse(
      (await call(t.viewer, 'GET', `/api/v1/servers?hostname=${server.hostname}`)).body,
    );
    expect(found.servers.map((s) => s.id)).toEqual([server.id]);
    expect(
      ServerListSchema.parse((await call(t.viewer, 'GET', '/api/v1/servers?hostname=nowhere')).body).servers,
    ).toEqual([]);
    expect((await call(t.viewer, 'GET', `/api/v1/servers/${server.id}`)).body).toMatchObject({
      id: server.id,
    });
    expect((await call(t.viewer, 'GET', '/api/v1/servers/srv-nowhere')).status).toBe(404);
    expect((await call(t.viewer, 'GET', '/api/v1/servers?colour=red')).status).toBe(400);
  });
});

describe('CSI calls recorded on the volume', () => {
  it('names the RPC of the last change and keeps the last refusal, counting repeats', async () => {
    const created = await post(
      '/api/v1/volumes',
      { name: 'pvc-csi-rec', capacityBytes: 2 * GiB, parameters: { type: 'slice' } },
      'CreateVolume',
    );
    expect(created.status).toBe(201);
    expect((await volume('pvc-csi-rec')).csi).toMatchObject({
      lastCall: { rpc: 'CreateVolume' },
      lastError: null,
    });
    for (let i = 0; i < 2; i++) {
      const refused = await post(
        '/api/v1/volumes/pvc-csi-rec/stage',
        { stagingPath: '/var/lib/kubelet/x' },
        'NodeStageVolume',
      );
      expect(refused.status).toBe(412);
    }
    expect((await volume('pvc-csi-rec')).csi?.lastError).toMatchObject({
      rpc: 'NodeStageVolume',
      code: 'FAILED_PRECONDITION',
      origin: 'drivebay',
      count: 2,
      message: expect.stringMatching(/not published/),
    });
    const report = await post('/api/v1/volumes/pvc-csi-rec/csi-errors', {
      rpc: 'NodeStageVolume',
      code: 'INTERNAL',
      message: 'mkfs.ext4: device busy',
    });
    expect(report.status).toBe(204);
    expect((await volume('pvc-csi-rec')).csi?.lastError).toMatchObject({
      origin: 'node',
      message: 'mkfs.ext4: device busy',
      count: 1,
    });
    // A request without the header (the console, a script) records no CSI call.
    const console = await post('/api/v1/volumes', {
      name: 'pvc-csi-none',
      capacityBytes: GiB,
      parameters: { type: 'slice' },
    });
    expect(console.status).toBe(201);
    expect((await volume('pvc-csi-none')).csi).toBeUndefined();
  });

  it('refuses a header or report that is not a CSI RPC name, naming it', async () => {
    const bad = await post(
      '/api/v1/volumes',
      { name: 'pvc-csi-bad', capacityBytes: GiB, parameters: { type: 'slice' } },
      'drop table',
    );
    expect(bad.status).toBe(400);
    expect(errorOf(await bad.json()).field).toBe('headers.drivebay-csi-call');
    const report = await post('/api/v1/volumes/pvc-csi-rec/csi-errors', {
      rpc: 'x',
      code: 'INTERNAL',
      message: 'm',
    });
    expect(report.status).toBe(400);
    expect(
      (
        await post('/api/v1/volumes/pvc-missing/csi-errors', {
          rpc: 'NodeStageVolume',
          code: 'INTERNAL',
          message: 'm',
        })
      ).status,
    ).toBe(404);
  });
});

describe('what CSI needs of the lifecycle', () => {
  it('refuses a placement larger than limitBytes', async () => {
    const answer = await call(t.operator, 'POST', '/api/v1/volumes', {
      name: 'pvc-limit',
      capacityBytes: GiB,
      limitBytes: 2 * GiB,
      parameters: { type: 'hdd' },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer.body)).toMatchObject({ code: 'OUT_OF_RANGE', field: 'limitBytes' });
  });

  it('pages by name with after=, neither skipping nor repeating while volumes come and go', async () => {
    for (const n of [1, 2, 3])
      await call(t.operator, 'POST', '/api/v1/volumes', {
        name: `pvc-after-${n}`,
        capacityBytes: GiB,
        parameters: { type: 'slice' },
      });
    const page = (after: string) =>
      call(t.viewer, 'GET', `/api/v1/volumes?q=pvc-after&limit=1&after=${after}`);
    const first = (await page('pvc-after-1')).body as { volumes: { name: string }[] };
    expect(first.volumes.map((v) => v.name)).toEqual(['pvc-after-2']);
    await call(t.operator, 'DELETE', '/api/v1/volumes/pvc-after-2');
    const second = (await page('pvc-after-2')).body as { volumes: { name: string }[] };
    expect(second.volumes.map((v) => v.name)).toEqual(['pvc-after-3']);
  });

  it('detaches from a server that is down even while staged there; refuses while it is up', async () => {
    const topology = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
    const server = topology.servers.find((s) => s.state === 'up')!;
    await call(t.operator, 'POST', '/api/v1/volumes', {
      name: 'pvc-fenced',
      capacityBytes: GiB,
      parameters: { type: 'slice' },
    });
    await call(t.operator, 'POST', '/api/v1/volumes/pvc-fenced/publish', { serverId: server.id });
    await call(t.operator, 'POST', '/api/v1/volumes/pvc-fenced/stage', {
      stagingPath: '/var/lib/kubelet/staging/pvc-fenced',
    });
    const refused = await call(t.operator, 'POST', '/api/v1/volumes/pvc-fenced/unpublish', {
      serverId: server.id,
    });
    expect(refused.status).toBe(412);
    const fault = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'server-down',
      serverId: server.id,
    });
    expect(fault.status).toBe(202);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const answer = await call(t.operator, 'POST', '/api/v1/volumes/pvc-fenced/unpublish', {
        serverId: server.id,
      });
      if (answer.status === 200) break;
      if (Date.now() > deadline) throw new Error(`never detached: ${JSON.stringify(answer.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await volume('pvc-fenced')).toMatchObject({
      lifecycle: 'Created',
      server: null,
      stagingPath: null,
    });
    await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', { kind: 'server-up', serverId: server.id });
  });
});
