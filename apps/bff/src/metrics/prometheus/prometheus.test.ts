import { createServer } from 'node:net';
import { CreatedTokenSchema, TopologySnapshotSchema } from '@drivebay/api-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../testing/http.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

// /metrics as Prometheus scrapes it: the text format, behind a read token, with the site's figures.

let t: TestApp;
let token: string;
let openPort: number;

/** A port that was free a moment ago, for the unauthenticated listener. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The value of one series, by its exact name and labels as the text format writes them. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(): Promise<string> {
  const response = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

beforeAll(async () => {
  openPort = await freePort();
  t = await startTestApp({ hardware: 'redfish', metricsListen: { host: '127.0.0.1', port: openPort } });
  const minted = await call(t.viewer, 'POST', '/api/v1/tokens', {
    name: 'prometheus',
    scopes: ['read'],
    expiresInDays: 1,
  });
  token = CreatedTokenSchema.parse(minted.body).secret;
});

afterAll(async () => {
  await t.stop();
});

describe('GET /metrics', () => {
  it('refuses a scrape without credentials, naming how to authenticate', async () => {
    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('counts the drives by state and media as the topology has them, and the Node process metrics', async () => {
    const text = await scrape();
    const topology = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
    const { media, health } = topology.drives;
    const hdds = media.codes.filter(
      (code, i) => media.values[code] === 'hdd' && health.values[health.codes[i] ?? -1] === 'ok',
    );
    expect(sample(text, 'drivebay_drives{state="ok",media="hdd"}')).toBe(hdds.length);
    expect(sample(text, 'drivebay_drives{state="failed",media="hdd"}')).toBe(0);
    expect(sample(text, 'drivebay_enclosures{state="online"}')).toBe(topology.enclosures.length);
    expect(sample(text, 'drivebay_change_feed_up')).toBe(1);
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
  });

  it('shows a failed drive on the next scrape, and no volume failed by it alone', async () => {
    const topology = TopologySnapshotSchema.parse((await call(t.viewer, 'GET', '/api/v1/topology')).body);
    const { media: medias, health } = topology.drives;
    const index = health.codes.findIndex((code) => health.values[code] === 'ok');
    const media = medias.values[medias.codes[index] ?? -1];
    const fault = await call(t.admin, 'POST', '/api/v1/admin/simulator/faults', {
      kind: 'drive-fail',
      driveId: topology.drives.id[index],
    });
    expect(fault.status).toBe(202);
    const text = await scrape();
    expect(sample(text, `drivebay_drives{state="failed",media="${media}"}`)).toBe(1);
    expect(sample(text, 'drivebay_volumes{health="failed",layout="any"}')).toBe(0);
  });

  it('keeps the series count fixed by the schema, not by the size of the site', async () => {
    const series = (await scrape()).split('\n').filter((line) => line.startsWith('drivebay_'));
    // Every label is a state, medium, tier, layout, outcome, code, room or cluster: no drive,
    // enclosure or volume ids. (A histogram's buckets are a fixed 15 per label value.)
    expect(series.filter((line) => !/_bucket\{/.test(line)).length).toBeLessThan(100);
    expect(series.some((line) => /drv-|enc-|pvc-/.test(line))).toBe(false);
  });

  it('measures its own work: compositions by code, store commits, the change feed, Redfish requests', async () => {
    const before = await scrape();
    const composed = await call(t.operator, 'POST', '/api/v1/volumes', {
      name: 'metrics-slice',
      capacityBytes: 2 ** 30,
      parameters: { type: 'slice' },
    });
    expect(composed.status).toBe(201);
    const impossible = await call(t.operator, 'POST', '/api/v1/volumes', {
      name: 'metrics-too-big',
      capacityBytes: 2 ** 50,
      parameters: { type: 'slice' },
    });
    expect(impossible.status).toBeGreaterThanOrEqual(400);
    const code = (impossible.body as { error: { code: string } }).error.code;
    const after = await scrape();
    const grew = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(grew('drivebay_composition_duration_seconds_count{code="OK"}')).toBe(1);
    expect(grew(`drivebay_composition_duration_seconds_count{code="${code}"}`)).toBe(1);
    expect(grew('drivebay_store_commit_duration_seconds_count{outcome="committed"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(grew('drivebay_change_feed_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    // The site was discovered over Redfish: its requests were answered, and timed.
    expect(sample(after, 'drivebay_redfish_request_duration_seconds_count{outcome="2xx"}')).toBeGreaterThan(
      0,
    );
    expect(after).toContain('# TYPE drivebay_composition_duration_seconds histogram');
  });

  it("times the CSI plugin's calls by RPC and counts the failures node plugins report", async () => {
    const before = await scrape();
    const created = await t.operator.fetch('/api/v1/volumes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'drivebay-csi-call': 'CreateVolume' },
      body: JSON.stringify({ name: 'pvc-metrics', capacityBytes: 2 ** 30, parameters: { type: 'slice' } }),
    });
    expect(created.status).toBe(201);
    const reported = await t.operator.fetch('/api/v1/volumes/pvc-metrics/csi-errors', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rpc: 'NodeStageVolume', code: 'INTERNAL', message: 'mkfs.ext4: device busy' }),
    });
    expect(reported.status).toBe(204);
    const after = await scrape();
    const grew = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(grew('drivebay_csi_call_duration_seconds_count{rpc="CreateVolume",outcome="2xx"}')).toBe(1);
    expect(grew('drivebay_csi_node_errors_total{rpc="NodeStageVolume",code="INTERNAL"}')).toBe(1);
  });

  it('is served without authentication on --metrics-listen, and nothing else there', async () => {
    const open = await fetch(`http://127.0.0.1:${openPort}/metrics`);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain('drivebay_drives{state="ok"');
    expect((await fetch(`http://127.0.0.1:${openPort}/api/v1/topology`)).status).toBe(404);
  });
});
