import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../commands/errors.js';
import { legacyVendor } from './fixtures/legacy-vendor.js';
import { modernJbod } from './fixtures/modern-jbod.js';
import { FixtureRedfishServer } from './testing/fixture-server.js';
import { startSource } from './testing/harness.js';

const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function follow(resources: ReturnType<typeof modernJbod>) {
  const server = new FixtureRedfishServer({ resources });
  await server.start();
  running.push(server);
  const { source } = await startSource([{ url: server.url }], {
    follow: { useSse: false, pollIntervalMs: 60_000 },
  });
  running.push(source);
  return { server, source };
}

describe('locate', () => {
  it('sets LocationIndicatorActive on an enclosure and a drive that have it', async () => {
    const { server, source } = await follow(modernJbod());
    await source.setIndicator({ kind: 'enclosure', id: 'enc-2' }, true);
    await source.setIndicator({ kind: 'drive', id: 'drv-sn-1-1' }, true);
    await source.setIndicator({ kind: 'drive', id: 'drv-sn-1-1' }, false);
    expect(server.requestsTo('/redfish/v1/Chassis/enc-2', 'PATCH').map((r) => JSON.parse(r.body))).toEqual([
      { LocationIndicatorActive: true },
    ]);
    expect(
      server.requestsTo('/redfish/v1/Chassis/enc-1/Drives/1', 'PATCH').map((r) => JSON.parse(r.body)),
    ).toEqual([{ LocationIndicatorActive: true }, { LocationIndicatorActive: false }]);
    expect(server.resources.get('/redfish/v1/Chassis/enc-2')?.LocationIndicatorActive).toBe(true);
  });

  it('sets IndicatorLED where that is what the resource has', async () => {
    const { server, source } = await follow(legacyVendor());
    await source.setIndicator({ kind: 'enclosure', id: 'drawer.1' }, true);
    await source.setIndicator({ kind: 'drive', id: 'drv-wx5k-005' }, true);
    expect(server.resources.get('/redfish/v1/Chassis/Drawer.1')?.IndicatorLED).toBe('Blinking');
    expect(
      server.resources.get('/redfish/v1/Systems/System.Embedded.1/Storage/RAID.1/Drives/Disk.Bay.5')
        ?.IndicatorLED,
    ).toBe('Blinking');
  });

  it('answers NOT_FOUND for what no service holds, UNAVAILABLE when its service is down', async () => {
    const { server, source } = await follow(modernJbod());
    await expect(source.setIndicator({ kind: 'drive', id: 'drv-nope' }, true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    server.down();
    const failure = await source
      .setIndicator({ kind: 'enclosure', id: 'enc-1' }, true)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE' });
  });
});
