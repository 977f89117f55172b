import type { InventoryReport } from '@drivebay/api-types';
import { afterEach, describe, expect, it } from 'vitest';
import { legacyVendor } from './fixtures/legacy-vendor.js';
import { modernJbod } from './fixtures/modern-jbod.js';
import type { RedfishHardwareSource } from './source.js';
import { type FixtureOptions, FixtureRedfishServer } from './testing/fixture-server.js';
import { inventoryOf, startSource } from './testing/harness.js';

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

async function discoverFrom(
  server: FixtureRedfishServer,
): Promise<{ inventory: InventoryReport; source: RedfishHardwareSource }> {
  const { source, observed } = await startSource([{ url: server.url }], {
    follow: { useSse: false, pollIntervalMs: 60_000 },
  });
  running.push(source);
  const inventory = observed.find((o) => o.type === 'inventory');
  if (!inventory) throw new Error(`no inventory observed: ${JSON.stringify(observed)}`);
  return { inventory, source };
}

describe('discovery of a current storage enclosure manager', () => {
  it('yields its site, rack, enclosures with their drives, and its server', async () => {
    const { inventory } = await discoverFrom(await serve({ resources: modernJbod() }));
    expect(inventory.site).toEqual({ id: 'dc-west', name: 'West data centre', scale: 'discovered' });
    expect(inventory.racks).toEqual([{ id: 'rack-a1', name: 'Rack A1', row: 1, position: 4 }]);
    expect(inventory.enclosures.map((e) => e.enclosure)).toEqual([
      {
        id: 'enc-1',
        name: 'Enclosure 1',
        rack: 'rack-a1',
        kind: 'jbod',
        model: 'JB-24',
        bayCount: 24,
        storageGroup: 'power-a',
        bandwidthDomain: 'uplink-1',
        transports: ['iscsi'],
        state: 'online',
      },
      expect.objectContaining({ id: 'enc-2', kind: 'ebod', bandwidthDomain: 'uplink-2' }),
    ]);
    expect(inventory.enclosures[0]?.drives).toEqual([
      {
        id: 'drv-sn-1-0',
        serial: 'SN-1-0',
        model: 'HUH721212AL',
        enclosure: 'enc-1',
        bay: 0,
        media: 'hdd',
        rpm: 7200,
        capacityBytes: 12_000_000_000_000,
        tags: [],
        health: 'ok',
      },
      expect.objectContaining({ id: 'drv-sn-1-1', bay: 1 }),
      expect.objectContaining({ id: 'drv-sn-1-2', bay: 2, media: 'ssd', rpm: 0, tags: ['fast'] }),
    ]);
    expect(inventory.servers).toEqual([
      {
        id: 'srv-1',
        hostname: 'node-1.example',
        rack: 'rack-a1',
        transports: ['iscsi', 'nvmetcp'],
        state: 'up',
      },
    ]);
  });

  it('finds the same with $expand as without, in fewer requests, and asks $expand only when advertised', async () => {
    const plain = await serve({ resources: modernJbod({ enclosures: 4, drivesPer: 6 }) });
    const expanded = await serve({ resources: modernJbod({ enclosures: 4, drivesPer: 6 }), expand: true });
    const without = await discoverFrom(plain);
    const withExpand = await discoverFrom(expanded);
    expect(withExpand.inventory).toEqual(without.inventory);
    expect(plain.requests.some((r) => r.url.includes('$expand'))).toBe(false);
    expect(expanded.requests.some((r) => r.url.includes('$expand'))).toBe(true);
    expect(expanded.requests.length).toBeLessThan(plain.requests.length / 2);
  });

  it.each(['skip', 'token'] as const)(
    'follows Members@odata.nextLink (%s form) through every page',
    async (style) => {
      const server = await serve({
        resources: modernJbod({ enclosures: 5, drivesPer: 5 }),
        pageSize: 2,
        nextLinkStyle: style,
      });
      const { inventory } = await discoverFrom(server);
      expect(inventory.enclosures.map((e) => e.enclosure.id)).toEqual([
        'enc-1',
        'enc-2',
        'enc-3',
        'enc-4',
        'enc-5',
      ]);
      expect(inventory.enclosures.every((e) => e.drives.length === 5)).toBe(true);
    },
  );
});

describe('discovery of an older service with missing properties', () => {
  it('finds a drawer whose drives are linked from Storage only, bays from the legacy Location', async () => {
    const { inventory, source } = await discoverFrom(await serve({ resources: legacyVendor() }));
    expect(inventory.enclosures).toHaveLength(1);
    const [drawer] = inventory.enclosures;
    expect(drawer?.enclosure).toMatchObject({
      id: 'drawer.1',
      kind: 'jbod',
      model: 'DD-12',
      bayCount: 6,
      transports: ['iscsi'],
    });
    // Bay 3 is Absent: an empty bay, not a drive.
    expect(drawer?.drives.map((d) => [d.id, d.bay, d.media, d.health])).toEqual([
      ['drv-wx1k-001', 1, 'hdd', 'ok'],
      ['drv-wx2k-002', 2, 'ssd', 'degraded'],
      ['drv-wx5k-005', 5, 'ssd', 'failed'],
    ]);
    // The RackMount chassis is the server's: not an enclosure. The server has no rack: the service's.
    expect(inventory.servers).toEqual([
      expect.objectContaining({
        id: 'system.embedded.1',
        hostname: 'System',
        state: 'down',
        rack: expect.stringMatching(/^rack-127/),
      }),
    ]);
    expect(inventory.racks.map((r) => r.id)).toEqual([inventory.servers[0]?.rack]);
    const [status] = source.status();
    // Each default is said once per service, not once per drive.
    expect(status?.notes).toEqual(
      expect.arrayContaining([
        expect.stringContaining('MediaType'),
        expect.stringContaining('BayCount'),
        expect.stringContaining('rack'),
      ]),
    );
    expect(new Set(status?.notes).size).toBe(status?.notes.length);
  });

  it('reports malformed JSON and wrong types for that resource, by field, and goes on with the rest', async () => {
    const resources = modernJbod();
    resources['/redfish/v1/Chassis/enc-1/Drives/1'] = {
      ...resources['/redfish/v1/Chassis/enc-1/Drives/1'],
      CapacityBytes: 'twelve TB',
    };
    const server = await serve({ resources });
    server.faults.push({
      match: (_m, p) => p === '/redfish/v1/Chassis/enc-2/Drives/0',
      times: 1_000,
      status: 200,
      body: '{"Id": "0", ',
    });
    const { inventory, source } = await discoverFrom(server);
    expect(inventory.enclosures.map((e) => [e.enclosure.id, e.drives.map((d) => d.bay)])).toEqual([
      ['enc-1', [0, 2]],
      ['enc-2', [1, 2]],
    ]);
    expect(source.status()[0]?.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Chassis\/enc-1\/Drives\/1: CapacityBytes: .*number/),
        '/redfish/v1/Chassis/enc-2/Drives/0: not JSON',
      ]),
    );
    expect(source.status()[0]?.state).toBe('up');
  });

  it('keeps the stored drive of an unreadable resource rather than reporting its bay empty', async () => {
    const first = await serve({ resources: modernJbod() });
    const { inventory } = await discoverFrom(first);
    const restored = inventoryOf(inventory);
    const server = await serve({ resources: modernJbod() });
    server.faults.push({
      match: (_m, p) => p === '/redfish/v1/Chassis/enc-1/Drives/1',
      times: 1_000,
      status: 200,
      body: 'nope',
    });
    const { source, observed } = await startSource([{ url: server.url }], {
      restored,
      follow: { useSse: false, pollIntervalMs: 60_000 },
    });
    running.push(source);
    const report = observed.find((o) => o.type === 'inventory');
    expect(report?.type === 'inventory' && report.enclosures[0]?.drives.map((d) => d.id)).toEqual([
      'drv-sn-1-0',
      'drv-sn-1-1',
      'drv-sn-1-2',
    ]);
  });
});
