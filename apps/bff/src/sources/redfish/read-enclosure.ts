import type { Drive, Enclosure, Transport } from '@drivebay/api-types';
import type { RedfishClient } from './client.js';
import { RedfishError } from './errors.js';
import { chassisRole, chassisUnreachable, mapDrive, mapEnclosure, type Note, toId } from './mapping.js';
import { type Member, pathKey, type QueryFeatures, readCollection } from './paging.js';
import { type Chassis, ChassisSchema, type DriveResource, DriveResourceSchema } from './schemas.js';

/** What the console shows of an enclosure beside Drivebay's record: the hardware's own words. */
export interface EnclosureDetail {
  manufacturer: string | undefined;
  model: string | undefined;
  serialNumber: string | undefined;
  partNumber: string | undefined;
  firmwareVersion: string | undefined;
  /** Redfish `Status`, as the service said it. */
  state: string | undefined;
  health: string | undefined;
}

/** One enclosure as read from its service, with what is needed to follow and locate it. */
export interface EnclosureReading {
  kind: 'enclosure';
  /** The chassis' path (a key: no query, no trailing slash). */
  path: string;
  enclosure: Enclosure;
  drives: Drive[];
  /** Drive id → its resource's path, for locate and for events naming a drive. */
  drivePaths: Map<string, string>;
  /**
   * Resources to poll with If-None-Match, with the ETag last seen: the chassis, its Drives
   * collection as read (expanded, its ETag covers every drive in it), and each drive read on its own.
   */
  etags: Map<string, string | undefined>;
  /** The key in `etags` of the Drives collection, if the chassis has one. */
  drivesCollection: string | undefined;
  detail: EnclosureDetail;
  /** The chassis says `UnavailableOffline`: its drives were not read. */
  unreachable: boolean;
  /** Some drive could not be read: its last known record should stand in. */
  incomplete: boolean;
  /** Whether the chassis' locate LED is the legacy IndicatorLED. */
  legacyIndicator: boolean;
  problems: string[];
}

export interface ReadContext {
  features: QueryFeatures;
  note: Note;
  rackByPath: ReadonlyMap<string, string>;
  defaultRack: string;
  fabricTransports: readonly Transport[];
}

/**
 * Reads one enclosure chassis and its drives: Links.Drives, the chassis' Drives collection
 * (expanded when supported) and drives found elsewhere (Storage). Undefined when the chassis
 * is not an enclosure after all (a drawer or rack-mount chassis holding no drives).
 */
export async function readEnclosure(
  client: RedfishClient,
  path: string,
  context: ReadContext,
  given: { chassis?: Chassis; extraDrives?: readonly string[] } = {},
): Promise<EnclosureReading | { kind: 'problem'; problems: string[] } | undefined> {
  const etags = new Map<string, string | undefined>();
  let chassis = given.chassis;
  if (!chassis) {
    try {
      const fetched = await client.get(path, ChassisSchema);
      chassis = fetched.value;
      etags.set(pathKey(path), fetched.etag);
    } catch (error) {
      if (!(error instanceof RedfishError) || error.serviceDown) throw error;
      return { kind: 'problem', problems: [error.message] };
    }
  } else etags.set(pathKey(path), undefined);
  const id = toId(chassis.Id);
  if (!id)
    return { kind: 'problem', problems: [`${path}: Id ${JSON.stringify(chassis.Id)} makes no enclosure id`] };
  const rackId = rackOf(chassis, context);
  const detail = detailOf(chassis);
  const legacyIndicator = chassis.LocationIndicatorActive == null && chassis.IndicatorLED != null;
  const problems: string[] = [];
  if (chassisUnreachable(chassis)) {
    const enclosure = mapEnclosure(
      chassis,
      id,
      { rackId, drives: [], fabricTransports: context.fabricTransports },
      context.note,
    );
    return {
      kind: 'enclosure',
      path: pathKey(path),
      enclosure: { ...enclosure, state: 'offline' },
      drives: [],
      drivePaths: new Map(),
      etags,
      drivesCollection: undefined,
      detail,
      unreachable: true,
      incomplete: false,
      legacyIndicator,
      problems,
    };
  }

  const { members, collection } = await driveMembers(
    client,
    path,
    chassis,
    context,
    given.extraDrives ?? [],
    problems,
  );
  if (collection) etags.set(collection.path, collection.etag);
  /** Drives whose resource came in the collection: its ETag stands for theirs. */
  const inCollection = new Set<string>();
  if (
    members.length === 0 &&
    chassisRole(chassis) === 'enclosure-if-drives' &&
    !chassis.Oem?.Drivebay?.Kind
  ) {
    return undefined;
  }
  let incomplete = false;
  const resources = await Promise.all(
    members.map(async (member) => {
      try {
        if (member.body) {
          const parsed = DriveResourceSchema.safeParse(member.body);
          if (parsed.success) {
            if (collection) inCollection.add(pathKey(member.path));
            return { path: member.path, value: parsed.data };
          }
        }
        const fetched = await client.get(member.path, DriveResourceSchema);
        etags.set(pathKey(member.path), fetched.etag);
        return { path: member.path, value: fetched.value };
      } catch (error) {
        if (!(error instanceof RedfishError) || error.serviceDown) throw error;
        problems.push(error.message);
        incomplete = true;
        return undefined;
      }
    }),
  );
  const drives: Drive[] = [];
  const drivePaths = new Map<string, string>();
  let nextBay = 0;
  for (const resource of resources) {
    if (!resource) continue;
    const mapped = mapDrive(resource.value, id, -1, context.note);
    if (mapped.kind === 'drive' && mapped.drive.bay >= 0) nextBay = Math.max(nextBay, mapped.drive.bay + 1);
  }
  for (const resource of resources) {
    if (!resource) continue;
    const mapped = mapDrive(resource.value, id, nextBay, context.note);
    if (mapped.kind === 'absent') continue;
    if (mapped.kind === 'problem') {
      problems.push(`${resource.path}: ${mapped.message}`);
      incomplete = true;
      continue;
    }
    if (mapped.drive.bay === nextBay) nextBay++;
    drives.push(mapped.drive);
    drivePaths.set(mapped.drive.id, pathKey(resource.path));
    const key = pathKey(resource.path);
    if (!inCollection.has(key) && !etags.has(key)) etags.set(key, undefined);
  }
  drives.sort((a, b) => a.bay - b.bay);
  const enclosure = mapEnclosure(
    chassis,
    id,
    { rackId, drives, fabricTransports: context.fabricTransports },
    context.note,
  );
  return {
    kind: 'enclosure',
    path: pathKey(path),
    enclosure,
    drives,
    drivePaths,
    etags,
    drivesCollection: collection?.path,
    detail,
    unreachable: false,
    incomplete,
    legacyIndicator,
    problems,
  };
}

/**
 * Every drive reference of the chassis, once each, with the resource when the service expanded
 * it; and its Drives collection as read, to poll.
 */
async function driveMembers(
  client: RedfishClient,
  path: string,
  chassis: Chassis,
  context: ReadContext,
  extra: readonly string[],
  problems: string[],
): Promise<{ members: Member[]; collection: { path: string; etag: string | undefined } | undefined }> {
  const byPath = new Map<string, Member>();
  const add = (member: Member) => {
    const key = pathKey(member.path);
    const known = byPath.get(key);
    if (!known || (!known.body && member.body)) byPath.set(key, member);
  };
  for (const link of chassis.Links?.Drives ?? []) add({ path: link['@odata.id'] });
  let collection: { path: string; etag: string | undefined } | undefined;
  if (chassis.Drives) {
    try {
      const read = await readCollection(client, chassis.Drives['@odata.id'], context.features);
      for (const member of read.members) add(member);
      collection = { path: read.path, etag: read.etag };
    } catch (error) {
      if (!(error instanceof RedfishError) || error.serviceDown) throw error;
      problems.push(error.message);
    }
  }
  for (const ref of extra) add({ path: ref });
  if (byPath.size === 0 && chassisRole(chassis) !== 'enclosure-if-drives') {
    context.note('drives', `an enclosure lists no drives (${path}): reported with empty bays`);
  }
  return { members: [...byPath.values()], collection };
}

/** The enclosure's rack: Links.ContainedBy, else Location.Placement.Rack, else the service's own rack. */
function rackOf(chassis: Chassis, context: ReadContext): string {
  const container = chassis.Links?.ContainedBy?.['@odata.id'];
  if (container) {
    const known = context.rackByPath.get(pathKey(container));
    if (known) return known;
  }
  const placement = chassis.Location?.Placement?.Rack;
  const fromPlacement = placement ? toId(placement) : undefined;
  return fromPlacement ?? context.defaultRack;
}

function detailOf(chassis: Chassis): EnclosureDetail {
  return {
    manufacturer: chassis.Manufacturer ?? undefined,
    model: chassis.Model ?? undefined,
    serialNumber: chassis.SerialNumber ?? undefined,
    partNumber: chassis.PartNumber ?? undefined,
    firmwareVersion: chassis.FirmwareVersion ?? chassis.Oem?.Drivebay?.FirmwareVersion ?? undefined,
    state: chassis.Status?.State ?? undefined,
    health: chassis.Status?.Health ?? undefined,
  };
}

/**
 * An enclosure's reading with only some of its drives read again: what an event naming a drive
 * needs, a request per drive instead of the chassis and all its drives. Undefined when the
 * reading cannot be patched so (a drive gone, unreadable, or become another drive or bay):
 * then the enclosure is read whole.
 */
export async function rereadDrives(
  client: RedfishClient,
  reading: EnclosureReading,
  drivePaths: readonly string[],
  note: Note,
): Promise<EnclosureReading | undefined> {
  const idOfPath = new Map([...reading.drivePaths].map(([id, path]) => [path, id]));
  const drives = [...reading.drives];
  const patched = await Promise.all(
    drivePaths.map(async (path) => {
      const id = idOfPath.get(path);
      const index = drives.findIndex((d) => d.id === id);
      const known = drives[index];
      if (!known) return false;
      let value: DriveResource;
      try {
        value = (await client.get(path, DriveResourceSchema)).value;
      } catch (error) {
        if (!(error instanceof RedfishError) || error.serviceDown) throw error;
        return false;
      }
      const mapped = mapDrive(value, reading.enclosure.id, known.bay, note);
      if (mapped.kind !== 'drive' || mapped.drive.id !== known.id || mapped.drive.bay !== known.bay)
        return false;
      drives[index] = mapped.drive;
      return true;
    }),
  );
  if (!patched.every(Boolean)) return undefined;
  return { ...reading, drives, problems: [] };
}
