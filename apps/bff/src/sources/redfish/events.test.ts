import { afterEach, describe, expect, it } from 'vitest';
import { modernJbod } from './fixtures/modern-jbod.js';
import { type FixtureOptions, FixtureRedfishServer } from './testing/fixture-server.js';
import { enclosureReports, startSource } from './testing/harness.js';

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

async function follow(server: FixtureRedfishServer, useSse = true) {
  const started = await startSource([{ url: server.url }], { follow: { useSse } });
  running.push(started.source);
  return started;
}

const critical = { Status: { State: 'Enabled', Health: 'Critical' } };
const streamOpen = (server: FixtureRedfishServer, n = 1) =>
  expect
    .poll(() => server.requestsTo('/redfish/v1/EventService/SSE').filter((r) => r.status === 200).length)
    .toBeGreaterThanOrEqual(n);

describe('changes over the EventService SSE stream', () => {
  it('re-reads the enclosure an event names and reports it', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed, source } = await follow(server);
    await streamOpen(server);
    server.change(
      '/redfish/v1/Chassis/enc-2/Drives/1',
      critical,
      'ResourceEvent.1.0.ResourceStatusChangedCritical',
    );
    await expect.poll(() => enclosureReports(observed).length).toBe(1);
    const [report] = enclosureReports(observed);
    expect(report?.enclosure.id).toBe('enc-2');
    expect(report?.drives.map((d) => d.health)).toEqual(['ok', 'failed', 'ok']);
    expect(source.status()[0]?.changes).toBe('sse');
  });

  it('coalesces a burst of events for many enclosures into one enclosures batch', async () => {
    const server = await serve({ resources: modernJbod({ enclosures: 6 }), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    for (let e = 1; e <= 6; e++) server.change(`/redfish/v1/Chassis/enc-${e}/Drives/0`, critical);
    await expect.poll(() => enclosureReports(observed).length).toBe(6);
    const batches = observed.filter((o) => o.type === 'enclosures');
    expect(batches).toHaveLength(1);
    expect(batches[0]?.type === 'enclosures' && batches[0].reports.map((r) => r.enclosure.id).sort()).toEqual(
      ['enc-1', 'enc-2', 'enc-3', 'enc-4', 'enc-5', 'enc-6'],
    );
  });

  it('reads only the drive an event names, not its enclosure', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    const before = server.requests.length;
    server.change('/redfish/v1/Chassis/enc-1/Drives/2', critical);
    await expect
      .poll(() =>
        enclosureReports(observed)
          .at(-1)
          ?.drives.map((d) => d.health),
      )
      .toEqual(['ok', 'ok', 'failed']);
    // Besides the liveness checks of the service root.
    const asked = server.requests.slice(before).filter((r) => r.url !== '/redfish/v1/');
    expect(asked.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /redfish/v1/Chassis/enc-1/Drives/2']);
  });

  it('reads a drive named again while it is being read once more, not once per event', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    const drive = '/redfish/v1/Chassis/enc-1/Drives/0';
    const readsBefore = server.requestsTo(drive).length;
    // The first read is slow; meanwhile the drive changes again and again, each with an event.
    server.faults.push({ match: (m, p) => m === 'GET' && p === drive, times: 1, delayMs: 300 });
    server.change(drive, critical);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      server.change(drive, i % 2 === 0 ? { Status: { State: 'Enabled', Health: 'OK' } } : critical);
    }
    server.change(drive, { Status: { State: 'Enabled', Health: 'Warning' } });
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[0]?.health).toBe('degraded');
    expect(server.requestsTo(drive).length - readsBefore).toBeLessThanOrEqual(2);
  });

  it('finds a drive replaced in a bay (ResourceRemoved, ResourceAdded)', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    server.change(
      '/redfish/v1/Chassis/enc-1/Drives/0',
      { SerialNumber: 'NEW-SERIAL' },
      'ResourceEvent.1.0.ResourceAdded',
    );
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[0]?.id).toBe('drv-new-serial');
  });

  it('reports an enclosure whose chassis says UnavailableOffline as unreachable', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    server.faults.push({
      match: (_m, p) => p.startsWith('/redfish/v1/Chassis/enc-1/Drives'),
      times: 1_000,
      status: 503,
    });
    server.change('/redfish/v1/Chassis/enc-1', {
      Status: { State: 'UnavailableOffline', Health: 'Critical' },
    });
    await expect.poll(() => observed.at(-1)).toEqual({ type: 'enclosure-unreachable', enclosureId: 'enc-1' });
  });

  it('reconnects a lost stream with Last-Event-ID and rescans, so a change while it was down is not missed', async () => {
    const server = await serve({ resources: modernJbod(), sse: true });
    const { observed } = await follow(server);
    await streamOpen(server);
    server.change('/redfish/v1/Chassis/enc-1/Drives/2', critical);
    await expect.poll(() => enclosureReports(observed).length).toBe(1);
    server.dropStreams();
    // Changed without an event: only the rescan after the reconnect can find it.
    server.resources.set('/redfish/v1/Chassis/enc-2/Drives/0', {
      ...server.resources.get('/redfish/v1/Chassis/enc-2/Drives/0'),
      Status: { State: 'Enabled', Health: 'Warning' },
    });
    await streamOpen(server, 2);
    const reconnect = server.requestsTo('/redfish/v1/EventService/SSE').at(-1);
    expect(reconnect?.headers['last-event-id']).toBe('1');
    await expect
      .poll(() => {
        const last = observed.filter((o) => o.type === 'inventory').at(-1);
        return last?.type === 'inventory' ? last.enclosures[1]?.drives[0]?.health : undefined;
      })
      .toBe('degraded');
    expect(observed.filter((o) => o.type === 'inventory').length).toBe(2);
  });
});

describe('changes by polling with ETags', () => {
  it('polls with If-None-Match, is answered 304 while nothing changes, and reports a change', async () => {
    const server = await serve({ resources: modernJbod() });
    const { observed, source } = await follow(server);
    expect(source.status()[0]?.changes).toBe('polling');
    await expect.poll(() => server.requests.filter((r) => r.status === 304).length).toBeGreaterThan(6);
    expect(enclosureReports(observed)).toEqual([]);
    server.resources.set('/redfish/v1/Chassis/enc-1/Drives/1', {
      ...server.resources.get('/redfish/v1/Chassis/enc-1/Drives/1'),
      Status: { State: 'Enabled', Health: 'Warning' },
    });
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[1]?.health).toBe('degraded');
    expect(enclosureReports(observed)).toHaveLength(1);
  });

  it('polls an expanding service by chassis and Drives collection, not drive by drive', async () => {
    const server = await serve({ resources: modernJbod({ enclosures: 2 }), expand: true });
    const { observed } = await follow(server, false);
    const driveReads = () =>
      server.requests.filter((r) => /\/Chassis\/[^/]+\/Drives\/[^/?]+$/.test(r.url.split('?')[0] ?? ''));
    // Two cycles answered 304 for both enclosures' chassis and Drives collections.
    await expect.poll(() => server.requests.filter((r) => r.status === 304).length).toBeGreaterThan(8);
    expect(
      server.requests.filter((r) => r.status === 304).every((r) => !/\/Drives\/[^/?]+$/.test(r.url)),
    ).toBe(true);
    expect(driveReads()).toEqual([]);
    expect(enclosureReports(observed)).toEqual([]);
    const drive = '/redfish/v1/Chassis/enc-2/Drives/1';
    server.resources.set(drive, {
      ...server.resources.get(drive),
      Status: { State: 'Enabled', Health: 'Warning' },
    });
    await expect.poll(() => enclosureReports(observed).at(-1)?.drives[1]?.health).toBe('degraded');
    expect(enclosureReports(observed).map((r) => r.enclosure.id)).toEqual(['enc-2']);
    expect(driveReads()).toEqual([]);
  });

  it('rescans when the service lists a new enclosure', async () => {
    const resources = modernJbod({ enclosures: 2 });
    const server = await serve({ resources });
    const { observed } = await follow(server);
    const more = modernJbod({ enclosures: 3 });
    for (const [path, resource] of Object.entries(more)) server.resources.set(path, resource);
    await expect
      .poll(() => {
        const last = observed.filter((o) => o.type === 'inventory').at(-1);
        return last?.type === 'inventory' ? last.enclosures.length : 0;
      })
      .toBe(3);
  });

  it('notices a server powered off', async () => {
    const server = await serve({ resources: modernJbod(), expand: true });
    const { observed } = await follow(server);
    server.resources.set('/redfish/v1/Systems/srv-1', {
      ...server.resources.get('/redfish/v1/Systems/srv-1'),
      PowerState: 'Off',
    });
    await expect
      .poll(() => {
        const last = observed.filter((o) => o.type === 'inventory').at(-1);
        return last?.type === 'inventory' ? last.servers[0]?.state : undefined;
      })
      .toBe('down');
  });
});
