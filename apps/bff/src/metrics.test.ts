import { CapacityReportSchema, GIB, MetricsHistorySchema } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from './testing/http.js';
import { removeDir, startTestApp, type TestApp } from './testing/test-app.js';

let apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps) await app.stop();
  for (const app of apps) removeDir(app.dataDir);
  apps = [];
});

async function history(t: TestApp, query = '') {
  const answer = await call(t.viewer, 'GET', `/api/v1/metrics/history${query}`);
  expect(answer.status).toBe(200);
  return MetricsHistorySchema.parse(answer.body);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached in 5 s');
}

describe('capacity and metrics history', () => {
  it('reports capacity by tier, with a slice volume counted as used on sliced SSDs', async () => {
    const t = await startTestApp();
    apps.push(t);
    const before = CapacityReportSchema.parse((await call(t.viewer, 'GET', '/api/v1/capacity')).body);
    expect(before.tiers.ssdSliced).toMatchObject({ drives: 0, usedBytes: 0 });
    for (const tier of Object.values(before.tiers))
      expect(tier.usedBytes + tier.freeBytes + tier.strandedBytes).toBe(tier.totalBytes);

    const compose = { name: 'pvc-cap', capacityBytes: 10 * GIB, parameters: { type: 'slice' } };
    expect((await call(t.operator, 'POST', '/api/v1/volumes', compose)).status).toBe(201);
    const after = CapacityReportSchema.parse((await call(t.viewer, 'GET', '/api/v1/capacity')).body);
    expect(after.tiers.ssdSliced).toMatchObject({ drives: 1, usedBytes: 10 * GIB });
    expect(after.tiers.ssdWhole.drives).toBe(before.tiers.ssdWhole.drives - 1);
    expect(after.rebuilds).toEqual({ running: 0, lastEta: null });
  });

  it('records samples on a timer and keeps them across a restart', async () => {
    const first = await startTestApp({ metrics: { intervalMs: 100 } });
    const recorded = await until(
      () => history(first),
      (h) => h.samples.length >= 3,
    );
    expect(recorded.intervalSeconds).toBe(0.1);
    const last = recorded.samples.at(-1);
    expect(last?.usedBytes).toEqual({ hdd: 0, ssdWhole: 0, ssdSliced: 0 });
    expect(last?.freeBytes.hdd).toBeGreaterThan(0);
    await first.stop();

    const again = await startTestApp({ dataDir: first.dataDir, metrics: { intervalMs: 60_000 } });
    apps.push(again);
    const kept = await history(again);
    expect(kept.samples.map((s) => s.at)).toEqual(expect.arrayContaining(recorded.samples.map((s) => s.at)));
  });

  it('downsamples to the points asked for, and names a bad query field', async () => {
    const t = await startTestApp({ metrics: { intervalMs: 50 } });
    apps.push(t);
    await until(
      () => history(t),
      (h) => h.recorded >= 6,
    );
    const small = await history(t, '?points=3');
    expect(small.samples).toHaveLength(3);
    expect(small.recorded).toBeGreaterThanOrEqual(6);
    const bad = await call(t.viewer, 'GET', '/api/v1/metrics/history?points=1');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'query.points' } });
  });

  it('prunes samples beyond the retention', async () => {
    const t = await startTestApp({ metrics: { intervalMs: 30, retain: 4 } });
    apps.push(t);
    const h = await until(
      () => history(t),
      (value) => value.recorded === 4,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await history(t);
    expect(later.recorded).toBeLessThanOrEqual(4);
    expect((later.samples[0]?.at ?? '') > (h.samples[0]?.at ?? '')).toBe(true);
  });
});
