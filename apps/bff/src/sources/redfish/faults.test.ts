import type { HardwareObservation, InventoryReport } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { legacyVendor } from './fixtures/legacy-vendor.js';
import { modernJbod } from './fixtures/modern-jbod.js';
import { type FixtureOptions, FixtureRedfishServer } from './testing/fixture-server.js';
import { enclosureReports, inventoryOf, startSource } from './testing/harness.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function serve(options: FixtureOptions): Promise<FixtureRedfishServer> {
  const server = new FixtureRedfishServer(options);
  await server.start();
  running.push(server);
  return server;
}

const inventories = (observed: HardwareObservation[]) =>
  observed.filter((o): o is InventoryReport => o.type === 'inventory');

describe('a service that stops answering', () => {
  it('makes each of its enclosures unreachable, and its return reports them in full again', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { source, observed } = await startSource([{ url: server.url }]);
    running.push(source);
    server.down();
    await expect
      .poll(() =>
        observed
          .filter((o) => o.type === 'enclosure-unreachable')
          .map((o) => o.type === 'enclosure-unreachable' && o.enclosureId)
          .sort(),
      )
      .toEqual(['enc-1', 'enc-2']);
    expect(source.status()[0]).toMatchObject({ state: 'down', lastError: expect.any(String) });
    server.up();
    await expect.poll(() => inventories(observed).length).toBe(2);
    const back = observed.at(-1);
    expect(
      back?.type === 'inventory' &&
        back.enclosures.map((e) => [e.enclosure.id, e.enclosure.state, e.drives.length]),
    ).toEqual([
      ['enc-1', 'online', 3],
      ['enc-2', 'online', 3],
    ]);
    expect(source.status()[0]?.state).toBe('up');
  });

  it('one service failing does not stall another; a scan dropped midway reports nothing partial', async () => {
    const healthy = await serve({ resources: modernJbod(), sse: true });
    const dropping = await serve({ resources: legacyVendor() });
    // The connection drops on the third drive: the whole scan of that service fails.
    dropping.faults.push({ match: (_m, p) => p.endsWith('Disk.Bay.3'), times: 3, destroy: true });
    const { source, observed } = await startSource([{ url: healthy.url }, { url: dropping.url }]);
    running.push(source);
    const first = observed[0];
    expect(first?.type === 'inventory' && first.enclosures.map((e) => e.enclosure.id)).toEqual([
      'enc-1',
      'enc-2',
    ]);
    expect(source.status().map((s) => s.state)).toEqual(['up', 'down']);
    // It comes back on its own (the fault is used up) and the next inventory holds both.
    await expect
      .poll(() => {
        const last = inventories(observed).at(-1);
        return last?.type === 'inventory' ? last.enclosures.map((e) => e.enclosure.id) : [];
      })
      .toEqual(['enc-1', 'enc-2', 'drawer.1']);
    // Meanwhile the healthy one still follows its events.
    healthy.change('/redfish/v1/Chassis/enc-1/Drives/0', {
      Status: { State: 'Enabled', Health: 'Critical' },
    });
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[0]?.health).toBe('failed');
  });

  it('keeps the stored enclosures of a service that has not answered since the start, as unreachable', async () => {
    const before = await serve({ resources: modernJbod() });
    const { source: first, observed: seen } = await startSource([{ url: before.url }], {
      follow: { useSse: false },
    });
    await first.stop();
    const stored = seen[0];
    if (stored?.type !== 'inventory') throw new Error('no inventory');
    await before.stop();
    const { source, observed } = await startSource([{ url: before.url }], { restored: inventoryOf(stored) });
    running.push(source);
    expect(observed.map((o) => o.type === 'enclosure-unreachable' && o.enclosureId)).toEqual([
      'enc-1',
      'enc-2',
    ]);
  });
});

describe('errors a service answers with', () => {
  it('retries 5xx with backoff and recovers without the caller noticing', async () => {
    const server = await serve({ resources: modernJbod() });
    server.faults.push({ match: (_m, p) => p === '/redfish/v1/Chassis/enc-2', times: 2, status: 503 });
    const { source, observed } = await startSource([{ url: server.url }]);
    running.push(source);
    const [inventory] = observed;
    expect(inventory?.type === 'inventory' && inventory.enclosures.map((e) => e.drives.length)).toEqual([
      3, 3,
    ]);
    expect(server.requestsTo('/redfish/v1/Chassis/enc-2').map((r) => r.status)).toEqual([503, 503, 200]);
    expect(source.status()[0]?.state).toBe('up');
  });

  it('gives up on a slow request after its timeout and tries again', async () => {
    const server = await serve({ resources: modernJbod() });
    server.faults.push({
      match: (_m, p) => p === '/redfish/v1/Chassis/enc-1/Drives/2',
      times: 1,
      delayMs: 400,
    });
    const { source, observed } = await startSource([{ url: server.url }], { retry: { timeoutMs: 100 } });
    running.push(source);
    const [inventory] = observed;
    expect(inventory?.type === 'inventory' && inventory.enclosures[0]?.drives.map((d) => d.bay)).toEqual([
      0, 1, 2,
    ]);
    expect(server.requestsTo('/redfish/v1/Chassis/enc-1/Drives/2').length).toBe(2);
  });

  it('counts a service that is always too slow as down, and writes one line for many failures', async () => {
    const server = await serve({ resources: modernJbod() });
    server.faults.push({ match: () => true, times: 1_000, delayMs: 200 });
    const { source, observed, log } = await startSource([{ url: server.url }], {
      retry: { timeoutMs: 50, retries: 1 },
      follow: { reconnectInitialMs: 5, reconnectMaxMs: 5 },
    });
    running.push(source);
    expect(observed).toEqual([]);
    await expect.poll(() => server.requests.length).toBeGreaterThan(8);
    expect(source.status()[0]?.lastError).toMatch(/no answer within 50 ms/);
    const downLines = log.lines.filter((l) => l.includes('not answering'));
    expect(downLines.length).toBe(1);
  });
});
