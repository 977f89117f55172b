import type { Drive, Enclosure, InventoryReport, Rack, Server } from '@drivebay/api-types';
import { z } from 'zod';
import type { TestClient } from './redfish-client.js';

/**
 * Test-only: the served resources mapped back to Drivebay's InventoryReport, by the contract's
 * rules and nothing else (not the service's code), so that a round trip checks the contract.
 * The real mapping, defaults for vendors without Oem included, is the Redfish source's.
 */

const Ref = z.object({ '@odata.id': z.string() });
const Status = z.object({ State: z.string(), Health: z.string().nullable() });
const Transports = z.array(z.enum(['iscsi', 'nvmetcp', 'roce'])).min(1);

const RackChassis = z.object({
  ChassisType: z.literal('Rack'),
  Id: z.string(),
  Name: z.string(),
  Oem: z.object({ Drivebay: z.object({ Row: z.number(), Position: z.number() }) }),
});
const EnclosureChassis = z.object({
  ChassisType: z.enum(['StorageEnclosure', 'Enclosure']),
  Id: z.string(),
  Name: z.string(),
  Model: z.string(),
  Status,
  Links: z.object({ ContainedBy: Ref, Drives: z.array(z.unknown()) }),
  Oem: z.object({
    Drivebay: z.object({
      Kind: z.enum(['jbod', 'ebod']),
      BayCount: z.number(),
      StorageGroup: z.string(),
      BandwidthDomain: z.string(),
      Transports,
    }),
  }),
});
const DriveBody = z.object({
  SerialNumber: z.string(),
  Model: z.string(),
  MediaType: z.enum(['HDD', 'SSD']),
  RotationSpeedRPM: z.number().optional(),
  CapacityBytes: z.number(),
  Status,
  PhysicalLocation: z.object({ PartLocation: z.object({ LocationOrdinalValue: z.number() }) }),
  Links: z.object({ Chassis: Ref }),
  Oem: z.object({ Drivebay: z.object({ Tags: z.array(z.string()) }) }),
});
const System = z.object({
  Id: z.string(),
  HostName: z.string(),
  PowerState: z.string(),
  Status,
  Oem: z.object({ Drivebay: z.object({ Rack: z.string(), Transports }) }),
});
const Root = z.object({
  Oem: z.object({
    Drivebay: z.object({
      Site: z.object({ Id: z.string(), Name: z.string(), Scale: z.enum(['small', 'large', 'discovered']) }),
    }),
  }),
});

const lastSegment = (uri: string): string => uri.split('/').at(-1) ?? uri;

/** Discovers the whole site through `client`, with `$expand` or one resource at a time. */
export async function inventoryFromRedfish(client: TestClient, expand: boolean): Promise<InventoryReport> {
  const root = Root.parse(await client.read('/redfish/v1/'));
  const chassis = await client.members(
    expand ? '/redfish/v1/Chassis?$expand=*($levels=2)' : '/redfish/v1/Chassis',
  );
  const racks: Rack[] = [];
  const enclosures: InventoryReport['enclosures'] = [];
  for (const member of chassis) {
    const body = expand ? member : await client.read(Ref.parse(member)['@odata.id']);
    if (body.ChassisType === 'Rack') {
      racks.push(rack(RackChassis.parse(body)));
      continue;
    }
    const parsed = EnclosureChassis.parse(body);
    const drives: Drive[] = [];
    for (const link of parsed.Links.Drives) {
      const driveBody = expand ? link : await client.read(Ref.parse(link)['@odata.id']);
      drives.push(drive(DriveBody.parse(driveBody)));
    }
    enclosures.push({ enclosure: enclosure(parsed), drives });
  }
  const systems = await client.members(
    expand ? '/redfish/v1/Systems?$expand=.($levels=1)' : '/redfish/v1/Systems',
  );
  const servers: Server[] = [];
  for (const member of systems) {
    servers.push(server(System.parse(expand ? member : await client.read(Ref.parse(member)['@odata.id']))));
  }
  const site = root.Oem.Drivebay.Site;
  return {
    type: 'inventory',
    site: { id: site.Id, name: site.Name, scale: site.Scale },
    racks,
    enclosures,
    servers,
  };
}

function rack(body: z.infer<typeof RackChassis>): Rack {
  return { id: body.Id, name: body.Name, row: body.Oem.Drivebay.Row, position: body.Oem.Drivebay.Position };
}

function enclosure(body: z.infer<typeof EnclosureChassis>): Enclosure {
  const oem = body.Oem.Drivebay;
  return {
    id: body.Id,
    name: body.Name,
    rack: lastSegment(body.Links.ContainedBy['@odata.id']),
    kind: oem.Kind,
    model: body.Model,
    bayCount: oem.BayCount,
    storageGroup: oem.StorageGroup,
    bandwidthDomain: oem.BandwidthDomain,
    transports: oem.Transports,
    state: body.Status.State === 'UnavailableOffline' ? 'offline' : 'online',
  };
}

function drive(body: z.infer<typeof DriveBody>): Drive {
  return {
    id: `drv-${body.SerialNumber.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`,
    serial: body.SerialNumber,
    model: body.Model,
    enclosure: lastSegment(body.Links.Chassis['@odata.id']),
    bay: body.PhysicalLocation.PartLocation.LocationOrdinalValue,
    media: body.MediaType === 'HDD' ? 'hdd' : 'ssd',
    rpm: body.RotationSpeedRPM ?? 0,
    capacityBytes: body.CapacityBytes,
    tags: body.Oem.Drivebay.Tags,
    health: driveHealth(body.Status),
  };
}

/** The contract's table: offline states first, then Critical, then Warning. */
function driveHealth(status: z.infer<typeof Status>): Drive['health'] {
  if (status.State === 'UnavailableOffline' || status.State === 'StandbyOffline') return 'offline';
  if (status.Health === 'Critical' || status.State === 'Disabled') return 'failed';
  return status.Health === 'Warning' ? 'degraded' : 'ok';
}

function server(body: z.infer<typeof System>): Server {
  const state =
    body.PowerState === 'Off'
      ? 'down'
      : body.Status.State === 'InTest' || body.Status.State === 'StandbyOffline'
        ? 'maintenance'
        : 'up';
  return {
    id: body.Id,
    hostname: body.HostName,
    rack: body.Oem.Drivebay.Rack,
    transports: body.Oem.Drivebay.Transports,
    state,
  };
}
