import { afterEach, describe, expect, it } from 'vitest';
import { inventoryFromRedfish } from './testing/inventory-from-redfish.js';
import { type Body, TestClient } from './testing/redfish-client.js';
import { CREDENTIALS, startTestService, type TestService } from './testing/test-service.js';

let running: TestService | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function serve(options: Parameters<typeof startTestService>[0] = {}) {
  running = await startTestService(options);
  const client = await TestClient.login(running.url, CREDENTIALS.userName, CREDENTIALS.password);
  return { ...running, client };
}

const ids = (members: Body[]) => members.map((m) => m['@odata.id'] as string);

describe('Redfish discovery of the simulated site', () => {
  it('answers the service root without credentials, advertising expand and paging', async () => {
    const { url, site } = await serve();
    const res = await fetch(`${url}/redfish/v1/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('odata-version')).toBe('4.0');
    const root = (await res.json()) as Body;
    expect(root.RedfishVersion).toMatch(/^1\.\d+\.\d+$/);
    expect(root.Chassis).toEqual({ '@odata.id': '/redfish/v1/Chassis' });
    expect(root.SessionService).toEqual({ '@odata.id': '/redfish/v1/SessionService' });
    expect(root.ProtocolFeaturesSupported.ExpandQuery).toMatchObject({
      ExpandAll: true,
      Levels: true,
      MaxLevels: 3,
    });
    expect(root.ProtocolFeaturesSupported.TopSkipQuery).toBe(true);
    expect(root.Oem.Drivebay.Site).toEqual({
      Id: site.describeSite().id,
      Name: site.describeSite().name,
      Scale: 'small',
    });
  });

  it('pages every collection so that each member comes exactly once', async () => {
    const { client, site } = await serve({ pageSize: 7 });
    const first = await client.read('/redfish/v1/Chassis');
    const chassisCount = site.rackList().length + [...site.enclosureList()].length;
    expect(first.Members).toHaveLength(7);
    expect(first['Members@odata.count']).toBe(chassisCount);
    expect(first['Members@odata.nextLink']).toBe('/redfish/v1/Chassis?$skip=7');
    const chassis = ids(await client.members('/redfish/v1/Chassis'));
    expect(chassis).toHaveLength(chassisCount);
    expect(new Set(chassis).size).toBe(chassisCount);
    const servers = ids(await client.members('/redfish/v1/Systems'));
    expect(servers.map((p) => p.split('/').at(-1))).toEqual(site.serverList().map((s) => s.id));
  });

  it('honours $top and $skip, and carries them into the next link', async () => {
    const { client } = await serve({ pageSize: 4 });
    const all = ids(await client.members('/redfish/v1/Chassis'));
    const page = await client.read('/redfish/v1/Chassis?$skip=3&$top=6');
    expect(ids(page.Members)).toEqual(all.slice(3, 7));
    expect(page['Members@odata.nextLink']).toBe('/redfish/v1/Chassis?$skip=7&$top=2');
    expect(ids(await client.members('/redfish/v1/Chassis?$skip=3&$top=6'))).toEqual(all.slice(3, 9));
  });

  it('bounds an expanded page by the resources it renders, and still covers every chassis', async () => {
    const { client, site } = await serve({ expandBudget: 200 });
    const page = await client.read('/redfish/v1/Chassis?$expand=*($levels=2)');
    const drivesOnPage = (page.Members as Body[]).reduce((n, m) => n + (m.Links.Drives?.length ?? 0), 0);
    expect(drivesOnPage).toBeLessThan(400);
    expect(page['Members@odata.nextLink']).toMatch(
      /^\/redfish\/v1\/Chassis\?\$skip=\d+&\$expand=\*\(\$levels=2\)$/,
    );
    const all = await client.members('/redfish/v1/Chassis?$expand=*($levels=2)');
    expect(all).toHaveLength(site.rackList().length + [...site.enclosureList()].length);
  });

  it('serves the same drives with $expand as one resource at a time', async () => {
    const { client } = await serve();
    const expanded = await client.members('/redfish/v1/Chassis?$expand=.($levels=3)');
    const fromExpand = expanded.flatMap((c) => (c.Drives?.Members ?? []) as Body[]);
    const oneByOne: Body[] = [];
    for (const chassis of await client.members('/redfish/v1/Chassis')) {
      const body = await client.read(chassis['@odata.id']);
      if (!body.Drives) continue;
      for (const member of await client.members(body.Drives['@odata.id']))
        oneByOne.push(await client.read(member['@odata.id']));
    }
    expect(fromExpand.length).toBeGreaterThan(100);
    expect(fromExpand).toEqual(oneByOne);
  });

  it('expands Links only with * or ~, subordinate resources only with .', async () => {
    const { client, site } = await serve();
    const [first] = site.enclosureList();
    const path = `/redfish/v1/Chassis/${first?.enclosure.id}`;
    const dot = await client.read(`${path}?$expand=.`);
    expect(dot.Drives.Members).toBeDefined();
    expect(Object.keys(dot.Links.ContainedBy)).toEqual(['@odata.id']);
    const links = await client.read(`${path}?$expand=~`);
    expect(links.Links.ContainedBy.ChassisType).toBe('Rack');
    expect(Object.keys(links.Drives)).toEqual(['@odata.id']);
    const all = await client.read(`${path}?$expand=*`);
    expect(all.Links.Drives[0].SerialNumber).toBeDefined();
    expect(all.Drives.Members).toBeDefined();
  });

  it('round-trips: the served site maps back to the simulator’s own inventory report', async () => {
    const { client, site } = await serve({ pageSize: 9 });
    const own = site.inventoryReport();
    expect(await inventoryFromRedfish(client, true)).toEqual(own);
    expect(await inventoryFromRedfish(client, false)).toEqual(own);
  });

  it('serves the same site with $expand switched off, which it then neither advertises nor accepts', async () => {
    const { client, site, url } = await serve({ expand: false });
    const root = (await (await fetch(`${url}/redfish/v1/`)).json()) as Body;
    expect(root.ProtocolFeaturesSupported.ExpandQuery.ExpandAll).toBe(false);
    const refused = await client.get('/redfish/v1/Chassis?$expand=*($levels=2)');
    expect(refused.status).toBe(501);
    expect(refused.body.error['@Message.ExtendedInfo'][0].MessageId).toBe('Base.1.8.QueryNotSupported');
    expect(await inventoryFromRedfish(client, false)).toEqual(site.inventoryReport());
  });

  it('serves IndicatorLED instead of LocationIndicatorActive when asked to', async () => {
    const { client, site } = await serve({ indicator: 'IndicatorLED' });
    const [first] = site.enclosureList();
    const chassis = await client.read(`/redfish/v1/Chassis/${first?.enclosure.id}`);
    expect(chassis.IndicatorLED).toBe('Off');
    expect(chassis.LocationIndicatorActive).toBeUndefined();
  });
});
