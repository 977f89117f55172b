import type {
  Drive,
  DriveHealth,
  Enclosure,
  Rack,
  Server,
  ServerState,
  Transport,
} from '@drivebay/api-types';
import type { Chassis, DriveResource, SystemResource } from './schemas.js';

/**
 * Redfish resources as Drivebay records: pure, one function per kind. The table in
 * docs/redfish.md is this file in words; keep them together.
 */

/** Says once per service that a default stood in for a missing property (the key deduplicates). */
export type Note = (key: string, message: string) => void;

/** A Redfish Id as a Drivebay id: lowercase, other characters "-", starting with a letter or digit. */
export function toId(text: string): string | undefined {
  const id = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 128);
  return id === '' ? undefined : id;
}

/** The drive id is derived from the serial (stable across bays and services), not from `Id`. */
export function driveIdFor(serial: string): string | undefined {
  const id = toId(serial);
  return id === undefined ? undefined : `drv-${id}`.slice(0, 128);
}

const RACK_TYPES = new Set(['Rack']);
/** Chassis types that are enclosures whatever they hold. */
const ENCLOSURE_TYPES = new Set(['StorageEnclosure', 'Enclosure']);
/** Chassis types that are enclosures only when they hold drives (else a server's chassis). */
const DRIVE_HOLDER_TYPES = new Set(['Drawer', 'RackMount']);

export type ChassisRole = 'rack' | 'enclosure' | 'enclosure-if-drives' | 'other';

export function chassisRole(chassis: Chassis): ChassisRole {
  const type = chassis.ChassisType ?? '';
  if (RACK_TYPES.has(type)) return 'rack';
  if (ENCLOSURE_TYPES.has(type)) return 'enclosure';
  if (DRIVE_HOLDER_TYPES.has(type)) return 'enclosure-if-drives';
  return 'other';
}

/** Drive health from Status: undefined when the bay is empty (`State: Absent`). */
export function driveHealth(status: DriveResource['Status']): DriveHealth | undefined {
  const state = status?.State ?? 'Enabled';
  const health = status?.Health ?? 'OK';
  if (state === 'Absent') return undefined;
  if (state === 'UnavailableOffline' || state === 'StandbyOffline') return 'offline';
  if (health === 'Critical' || state === 'Disabled') return 'failed';
  if (health === 'Warning') return 'degraded';
  return 'ok';
}

/** The bay, from PartLocation (Redfish 2018+) or the `Location` array older services send. */
export function driveBay(drive: DriveResource): number | undefined {
  const ordinal = drive.PhysicalLocation?.PartLocation?.LocationOrdinalValue;
  if (ordinal !== undefined && Number.isInteger(ordinal) && ordinal >= 0) return ordinal;
  for (const location of drive.Location ?? []) {
    if (!/bay|slot/i.test(location.InfoFormat ?? '')) continue;
    const bay = Number.parseInt(location.Info ?? '', 10);
    if (Number.isInteger(bay) && bay >= 0) return bay;
  }
  const label = /(\d+)\s*$/.exec(drive.PhysicalLocation?.PartLocation?.ServiceLabel ?? '');
  return label ? Number(label[1]) : undefined;
}

export type DriveMapping =
  | { kind: 'drive'; drive: Drive }
  | { kind: 'absent' }
  | { kind: 'problem'; message: string };

/** A Drive resource as a Drivebay drive in `enclosureId`, or why it cannot be one. */
export function mapDrive(
  resource: DriveResource,
  enclosureId: string,
  fallbackBay: number,
  note: Note,
): DriveMapping {
  const health = driveHealth(resource.Status);
  if (health === undefined) return { kind: 'absent' };
  const serial = resource.SerialNumber?.trim();
  if (!serial) return { kind: 'problem', message: 'SerialNumber: missing (the drive id is derived from it)' };
  const id = driveIdFor(serial);
  if (!id) return { kind: 'problem', message: `SerialNumber: ${JSON.stringify(serial)} makes no id` };
  const capacity = resource.CapacityBytes;
  if (capacity === undefined || capacity === null || !(capacity > 0)) {
    return { kind: 'problem', message: 'CapacityBytes: missing or not positive' };
  }
  const rpmGiven = resource.RotationSpeedRPM ?? undefined;
  let media: Drive['media'];
  if (resource.MediaType === 'HDD' || resource.MediaType === 'SMR') media = 'hdd';
  else if (resource.MediaType === 'SSD') media = 'ssd';
  else {
    media = rpmGiven !== undefined && rpmGiven > 0 ? 'hdd' : 'ssd';
    note('MediaType', 'some drives have no MediaType: HDD assumed when RotationSpeedRPM > 0, else SSD');
  }
  let bay = driveBay(resource);
  if (bay === undefined) {
    note('bay', 'some drives have no PartLocation or Location bay: numbered after the known bays');
    bay = fallbackBay;
  }
  const rpm = media === 'ssd' ? 0 : Math.max(0, Math.round(rpmGiven ?? 0));
  if (media === 'hdd' && rpmGiven === undefined)
    note('RotationSpeedRPM', 'some HDDs have no RotationSpeedRPM: 0 reported');
  return {
    kind: 'drive',
    drive: {
      id,
      serial,
      model: resource.Model ?? '',
      enclosure: enclosureId,
      bay,
      media,
      rpm,
      capacityBytes: Math.floor(capacity),
      tags: resource.Oem?.Drivebay?.Tags ?? [],
      health,
    },
  };
}

/** The transports named in Oem, or a fabric's FabricType, as Drivebay's. */
export function transportOf(name: string): Transport | undefined {
  const plain = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (plain === 'iscsi') return 'iscsi';
  if (plain === 'nvmetcp' || plain === 'nvmeoverfabrics' || plain === 'nvmeoftcp') return 'nvmetcp';
  if (plain.startsWith('roce')) return 'roce';
  return undefined;
}

export function transportsOf(names: readonly string[]): Transport[] {
  const order: Transport[] = ['iscsi', 'nvmetcp', 'roce'];
  const found = new Set(names.map(transportOf).filter((t): t is Transport => t !== undefined));
  return order.filter((t) => found.has(t));
}

export interface EnclosureContext {
  rackId: string;
  drives: readonly Drive[];
  /** From the service's Swordfish Fabrics; empty when it has none. */
  fabricTransports: readonly Transport[];
}

/** A chassis as a Drivebay enclosure, with the contract's defaults where Oem.Drivebay is absent. */
export function mapEnclosure(chassis: Chassis, id: string, context: EnclosureContext, note: Note): Enclosure {
  const oem = chassis.Oem?.Drivebay;
  const kind = oem?.Kind ?? (chassis.ChassisType === 'Enclosure' ? 'ebod' : 'jbod');
  const highestBay = Math.max(-1, ...context.drives.map((d) => d.bay));
  const bayCount = oem?.BayCount ?? Math.max(highestBay + 1, context.drives.length, 1);
  if (oem?.BayCount === undefined)
    note('BayCount', 'bay counts derived from the highest bay seen (no Oem.Drivebay.BayCount)');
  if (oem?.StorageGroup === undefined)
    note('StorageGroup', 'storage group = the rack (no Oem.Drivebay.StorageGroup)');
  if (oem?.BandwidthDomain === undefined) {
    note('BandwidthDomain', 'bandwidth domain = the enclosure (no Oem.Drivebay.BandwidthDomain)');
  }
  let transports = transportsOf(oem?.Transports ?? []);
  if (transports.length === 0) transports = [...context.fabricTransports];
  if (transports.length === 0) {
    note('Transports', 'transports assumed iSCSI (no Oem.Drivebay.Transports and no Fabrics)');
    transports = ['iscsi'];
  }
  return {
    id,
    name: chassis.Name ?? chassis.Id,
    rack: context.rackId,
    kind,
    model: chassis.Model ?? '',
    bayCount: Math.min(1024, bayCount),
    storageGroup: oem?.StorageGroup ?? context.rackId,
    bandwidthDomain: oem?.BandwidthDomain ?? id,
    transports,
    state: 'online',
  };
}

/** Whether the chassis says the enclosure cannot be reached (its drives are not readable then). */
export function chassisUnreachable(chassis: Chassis): boolean {
  return chassis.Status?.State === 'UnavailableOffline';
}

export function mapRack(chassis: Chassis, id: string, position: number): Rack {
  const oem = chassis.Oem?.Drivebay;
  const row = oem?.Row ?? Number.parseInt(chassis.Location?.Placement?.Row ?? '', 10);
  return {
    id,
    name: chassis.Name ?? chassis.Location?.Placement?.Rack ?? chassis.Id,
    row: Number.isInteger(row) && row >= 0 ? row : 0,
    position: oem?.Position ?? position,
  };
}

export function serverState(system: SystemResource): ServerState {
  if (system.PowerState === 'Off') return 'down';
  const state = system.Status?.State;
  if (state === 'InTest' || state === 'StandbyOffline') return 'maintenance';
  return 'up';
}

export function mapServer(system: SystemResource, id: string, rackId: string, note: Note): Server {
  let transports = transportsOf(system.Oem?.Drivebay?.Transports ?? []);
  if (transports.length === 0) {
    note('ServerTransports', 'server transports assumed iSCSI (no Oem.Drivebay.Transports)');
    transports = ['iscsi'];
  }
  return {
    id,
    hostname: system.HostName || system.Name || system.Id,
    rack: rackId,
    transports,
    state: serverState(system),
  };
}

/** The PATCH body that sets a resource's locate LED: the property it has, the modern one by default. */
export function locateBody(
  resource: {
    LocationIndicatorActive?: boolean | null | undefined;
    IndicatorLED?: string | null | undefined;
  },
  on: boolean,
): Record<string, unknown> {
  const legacy = resource.IndicatorLED !== undefined && resource.IndicatorLED !== null;
  if (
    legacy &&
    (resource.LocationIndicatorActive === undefined || resource.LocationIndicatorActive === null)
  ) {
    return { IndicatorLED: on ? 'Blinking' : 'Off' };
  }
  return { LocationIndicatorActive: on };
}
