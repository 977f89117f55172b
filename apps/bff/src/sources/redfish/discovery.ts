import type { Drive, Rack, Server, Transport } from '@drivebay/api-types';
import type { z } from 'zod';
import type { RedfishClient } from './client.js';
import { RedfishError } from './errors.js';
import { chassisRole, mapRack, mapServer, type Note, toId, transportOf } from './mapping.js';
import { pathKey, type QueryFeatures, readMembers } from './paging.js';
import { type EnclosureReading, type ReadContext, readEnclosure } from './read-enclosure.js';
import {
  type Chassis,
  ChassisSchema,
  type DriveResource,
  DriveResourceSchema,
  FabricSchema,
  type ServiceRoot,
  StorageSchema,
  type SystemResource,
  SystemSchema,
} from './schemas.js';

/** Everything one service holds, as Drivebay records, with what could not be read. */
export interface ServiceScan {
  site: { id: string; name: string } | undefined;
  racks: Rack[];
  enclosures: EnclosureReading[];
  servers: Server[];
  /** The chassis collection's members as scanned: another set of members means a rescan. */
  chassisPaths: string[];
  /** Each system's state as scanned, by path: polling compares it (a changed server rescans). */
  systemPrints: Map<string, string>;
  /** One line per resource that could not be read or mapped: "<path>: <why>". */
  problems: string[];
  /** Chassis that could not be read: whatever enclosure they were keeps its last reading. */
  unreadable: string[];
  /** Where the service said to look for drives outside the chassis (Storage/Drives), by enclosure path. */
  storageDrives: Map<string, string[]>;
  /** From Swordfish Fabrics, for enclosures without Oem.Drivebay.Transports. */
  fabricTransports: Transport[];
  /** The rack chassis by path, for re-reading an enclosure later. */
  rackByPath: Map<string, string>;
}

export interface DiscoveryOptions {
  features: QueryFeatures;
  /** The rack of whatever says no rack: one per service, named after it. */
  defaultRack: Rack;
  note: Note;
}

/**
 * One full scan of a service: chassis (racks and enclosures), their drives (from Links.Drives,
 * the chassis' Drives collection and Storage), systems and fabrics. A resource that cannot be
 * read or mapped is a problem of that resource; a service that stops answering (RedfishError
 * `unreachable`) ends the scan, since its result would be partial.
 */
export async function discover(
  client: RedfishClient,
  root: ServiceRoot,
  options: DiscoveryOptions,
): Promise<ServiceScan> {
  const problems: string[] = [];
  const unreadable: string[] = [];
  const { features, note } = options;
  const fabricTransports = root.Fabrics
    ? await readFabrics(client, root.Fabrics['@odata.id'], features, problems)
    : [];
  const chassis = root.Chassis
    ? await readAll(client, root.Chassis['@odata.id'], features, ChassisSchema, problems, unreadable)
    : [];
  const chassisMembers = [...chassis.map((c) => pathKey(c.path)), ...unreadable].sort();
  if (!root.Chassis) note('Chassis', 'the service root has no Chassis collection');

  const rackByPath = new Map<string, string>();
  const racks: Rack[] = [];
  for (const { path, value } of chassis) {
    if (chassisRole(value) !== 'rack') continue;
    const id = toId(value.Id);
    if (!id) {
      problems.push(`${path}: Id ${JSON.stringify(value.Id)} makes no rack id`);
      continue;
    }
    rackByPath.set(pathKey(path), id);
    racks.push(mapRack(value, id, racks.length));
  }

  const systems = root.Systems
    ? await readAll(client, root.Systems['@odata.id'], features, SystemSchema, problems, [])
    : [];
  const storageDrives = await readStorageDrives(client, root, systems, features, problems);

  const chassisByPath = new Map(chassis.map((c) => [pathKey(c.path), c.value]));
  const context: ReadContext = {
    features,
    note,
    rackByPath,
    defaultRack: options.defaultRack.id,
    fabricTransports,
  };
  const readings: EnclosureReading[] = [];
  await Promise.all(
    chassis.map(async ({ path, value }) => {
      if (!isEnclosureCandidate(value)) return;
      const extra = storageDrives.get(pathKey(path)) ?? [];
      const reading = await readEnclosure(client, path, context, { chassis: value, extraDrives: extra });
      if (reading === undefined) return;
      if (reading.kind === 'problem') problems.push(...reading.problems);
      else {
        problems.push(...reading.problems);
        readings.push(reading);
      }
    }),
  );
  readings.sort((a, b) => a.enclosure.id.localeCompare(b.enclosure.id));
  dropDuplicates(readings, problems);

  // Racks named only by an enclosure's Location.Placement: reported as racks of their own.
  for (const reading of readings) {
    const rack = reading.enclosure.rack;
    if (rack === options.defaultRack.id || racks.some((r) => r.id === rack)) continue;
    racks.push({ id: rack, name: rack, row: 0, position: racks.length });
  }
  let usedDefaultRack = readings.some((r) => r.enclosure.rack === options.defaultRack.id);
  const servers: Server[] = [];
  for (const { path, value } of systems) {
    const id = toId(value.Id);
    if (!id) {
      problems.push(`${path}: Id ${JSON.stringify(value.Id)} makes no server id`);
      continue;
    }
    const rack = serverRack(value, rackByPath, chassisByPath) ?? options.defaultRack.id;
    if (rack === options.defaultRack.id) usedDefaultRack = true;
    servers.push(mapServer(value, id, rack, note));
  }
  if (usedDefaultRack) {
    note('rack', `some resources name no rack: they are placed in rack "${options.defaultRack.id}"`);
    if (!racks.some((r) => r.id === options.defaultRack.id)) racks.push(options.defaultRack);
  }

  const siteOem = root.Oem?.Drivebay?.Site;
  const siteId = siteOem ? toId(siteOem.Id) : undefined;
  return {
    site: siteId
      ? {
          id: siteId,
          name: siteOem?.Name ?? siteOem?.Id ?? siteId,
          // A simulator says which generated site it serves; real hardware is "discovered".
          ...(siteOem?.Scale === 'small' || siteOem?.Scale === 'large' ? { scale: siteOem.Scale } : {}),
        }
      : undefined,
    racks,
    enclosures: readings,
    servers,
    chassisPaths: chassisMembers,
    systemPrints: new Map(systems.map((s) => [pathKey(s.path), systemPrint(s.value)])),
    problems,
    unreadable,
    storageDrives,
    fabricTransports,
    rackByPath,
  };
}

/** What of a system makes its server record: a change of it is a change of the server. */
export function systemPrint(system: SystemResource): string {
  return JSON.stringify([
    system.Id,
    system.HostName,
    system.PowerState,
    system.Status,
    system.Links,
    system.Oem,
  ]);
}

/** A chassis that may be an enclosure: its type says so, or it may hold drives and is no server's. */
function isEnclosureCandidate(chassis: Chassis): boolean {
  const role = chassisRole(chassis);
  if (role === 'enclosure') return true;
  if (role !== 'enclosure-if-drives') return false;
  return chassis.Oem?.Drivebay?.Kind !== undefined || (chassis.Links?.ComputerSystems ?? []).length === 0;
}

/** Each member of a collection, read (or taken expanded) and checked; a bad member is a problem. */
export async function readAll<S extends z.ZodType>(
  client: RedfishClient,
  collection: string,
  features: QueryFeatures,
  schema: S,
  problems: string[],
  unreadable: string[],
): Promise<{ path: string; value: z.output<S> }[]> {
  const members = await readMembers(client, collection, features);
  const read = await Promise.all(
    members.map(async (member) => {
      try {
        if (member.body) {
          const parsed = schema.safeParse(member.body);
          if (parsed.success) return { path: member.path, value: parsed.data };
        }
        // Not expanded, or expanded in a shape that does not parse: the resource itself decides.
        const { value } = await client.get(member.path, schema);
        return { path: member.path, value };
      } catch (error) {
        if (!(error instanceof RedfishError) || error.serviceDown) throw error;
        problems.push(error.message);
        unreadable.push(pathKey(member.path));
        return undefined;
      }
    }),
  );
  return read.filter((r) => r !== undefined);
}

/**
 * Drives the service lists under Storage (`/redfish/v1/Storage/<id>`, `Systems/<id>/Storage/<id>`),
 * by the enclosure chassis their Links.Chassis names: some services link drives from nowhere else.
 */
async function readStorageDrives(
  client: RedfishClient,
  root: ServiceRoot,
  systems: { path: string; value: SystemResource }[],
  features: QueryFeatures,
  problems: string[],
): Promise<Map<string, string[]>> {
  const collections = [
    ...(root.Storage ? [root.Storage['@odata.id']] : []),
    ...systems.flatMap((s) => (s.value.Storage ? [s.value.Storage['@odata.id']] : [])),
  ];
  const byChassis = new Map<string, string[]>();
  for (const collection of collections) {
    const storages = await readAll(client, collection, features, StorageSchema, problems, []);
    const refs = storages.flatMap((s) => (s.value.Drives ?? []).map((d) => d['@odata.id']));
    await Promise.all(
      refs.map(async (ref) => {
        let drive: DriveResource;
        try {
          drive = (await client.get(ref, DriveResourceSchema)).value;
        } catch (error) {
          if (!(error instanceof RedfishError) || error.serviceDown) throw error;
          problems.push(error.message);
          return;
        }
        const chassis = drive.Links?.Chassis?.['@odata.id'] ?? chassisOfPath(ref);
        if (!chassis) {
          problems.push(`${ref}: Links.Chassis: missing (which enclosure holds this drive?)`);
          return;
        }
        const key = pathKey(chassis);
        byChassis.set(key, [...(byChassis.get(key) ?? []), ref]);
      }),
    );
  }
  return byChassis;
}

/** `/redfish/v1/Chassis/<id>/Drives/<drive>` → `/redfish/v1/Chassis/<id>`. */
export function chassisOfPath(ref: string): string | undefined {
  const match = /^(.*\/Chassis\/[^/]+)(\/|$)/.exec(pathKey(ref));
  return match?.[1];
}

async function readFabrics(
  client: RedfishClient,
  collection: string,
  features: QueryFeatures,
  problems: string[],
): Promise<Transport[]> {
  const fabrics = await readAll(client, collection, features, FabricSchema, problems, []);
  const found = fabrics.flatMap((f) => {
    const transport = transportOf(f.value.FabricType ?? '');
    return transport ? [transport] : [];
  });
  return (['iscsi', 'nvmetcp', 'roce'] as const).filter((t) => found.includes(t));
}

/** A server's rack: Oem first, then its chassis if that is a rack, or the rack that chassis is in. */
function serverRack(
  system: SystemResource,
  rackByPath: ReadonlyMap<string, string>,
  chassisByPath: ReadonlyMap<string, Chassis>,
): string | undefined {
  const oem = system.Oem?.Drivebay?.Rack;
  if (oem) return toId(oem);
  for (const link of system.Links?.Chassis ?? []) {
    const key = pathKey(link['@odata.id']);
    const rack = rackByPath.get(key);
    if (rack) return rack;
    const container = chassisByPath.get(key)?.Links?.ContainedBy?.['@odata.id'];
    if (container && rackByPath.has(pathKey(container))) return rackByPath.get(pathKey(container));
  }
  return undefined;
}

/** Two chassis whose Ids map to one enclosure id, or one serial in two bays: the later is a problem. */
function dropDuplicates(readings: EnclosureReading[], problems: string[]): void {
  const enclosures = new Set<string>();
  const drives = new Set<string>();
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i]!;
    if (enclosures.has(reading.enclosure.id)) {
      problems.push(`${reading.path}: enclosure id ${reading.enclosure.id} already taken by another chassis`);
      readings.splice(i--, 1);
      continue;
    }
    enclosures.add(reading.enclosure.id);
    reading.drives = reading.drives.filter((drive: Drive) => {
      if (!drives.has(drive.id)) return drives.add(drive.id);
      problems.push(`${reading.path}: drive serial ${drive.serial} also in another bay; reported once`);
      return false;
    });
  }
}
