import type { Drive, Rack, Server } from '@drivebay/api-types';
import type { PhysicalEnclosure } from '../site/site-change.js';
import { driveProtocol, enclosureFirmware, enclosureSerial, manufacturerOf } from './hardware-facts.js';
import { type IndicatorStyle, indicatorProperty } from './indicator.js';
import { type JsonObject, ref } from './json.js';
import { CHASSIS, chassisPath, drivePath, drivesPath, SYSTEMS, systemPath } from './paths.js';
import { driveStatus, enclosureStatus, systemPower } from './status.js';

/**
 * The site's resources as Redfish bodies, built from the physical truth on each request:
 * building one is a few microseconds, and nothing can go stale.
 */

export function rackChassis(rack: Rack, enclosureIds: readonly string[]): JsonObject {
  return {
    '@odata.id': chassisPath(rack.id),
    '@odata.type': '#Chassis.v1_22_0.Chassis',
    Id: rack.id,
    Name: rack.name,
    ChassisType: 'Rack',
    Location: { Placement: { Row: String(rack.row), Rack: rack.name } },
    Status: { State: 'Enabled', Health: 'OK' },
    Links: { Contains: enclosureIds.map((id) => ref(chassisPath(id))) },
    Oem: { Drivebay: { Row: rack.row, Position: rack.position } },
  };
}

export function enclosureChassis(
  physical: PhysicalEnclosure,
  locate: boolean,
  style: IndicatorStyle,
): JsonObject {
  const { enclosure, bays, reachable } = physical;
  return {
    '@odata.id': chassisPath(enclosure.id),
    '@odata.type': '#Chassis.v1_22_0.Chassis',
    Id: enclosure.id,
    Name: enclosure.name,
    ChassisType: enclosure.kind === 'jbod' ? 'StorageEnclosure' : 'Enclosure',
    Manufacturer: manufacturerOf(enclosure.model),
    Model: enclosure.model,
    SerialNumber: enclosureSerial(enclosure.id),
    Status: enclosureStatus(reachable),
    ...indicatorProperty(locate, style),
    Drives: ref(drivesPath(enclosure.id)),
    Links: {
      ContainedBy: ref(chassisPath(enclosure.rack)),
      // The manager keeps the links of an enclosure it cannot reach; the drives answer 503.
      Drives: [...bays.values()].map((d) => ref(drivePath(enclosure.id, d.id))),
    },
    Oem: {
      Drivebay: {
        Kind: enclosure.kind,
        BayCount: enclosure.bayCount,
        StorageGroup: enclosure.storageGroup,
        BandwidthDomain: enclosure.bandwidthDomain,
        Transports: [...enclosure.transports],
        // Chassis has no firmware property in the DMTF schema.
        FirmwareVersion: enclosureFirmware(enclosure.model),
      },
    },
  };
}

export function driveResource(drive: Drive, locate: boolean, style: IndicatorStyle): JsonObject {
  return {
    '@odata.id': drivePath(drive.enclosure, drive.id),
    '@odata.type': '#Drive.v1_17_0.Drive',
    Id: drive.id,
    Name: `Bay ${drive.bay}`,
    SerialNumber: drive.serial,
    Model: drive.model,
    Manufacturer: manufacturerOf(drive.model),
    MediaType: drive.media === 'hdd' ? 'HDD' : 'SSD',
    // Vendors leave spindle speed out for flash.
    ...(drive.media === 'hdd' ? { RotationSpeedRPM: drive.rpm } : {}),
    CapacityBytes: drive.capacityBytes,
    Protocol: driveProtocol(drive.model),
    Status: driveStatus(drive.health),
    PhysicalLocation: {
      PartLocation: {
        LocationOrdinalValue: drive.bay,
        LocationType: 'Bay',
        ServiceLabel: `Bay ${drive.bay}`,
      },
    },
    ...indicatorProperty(locate, style),
    Links: { Chassis: ref(chassisPath(drive.enclosure)) },
    Oem: { Drivebay: { Tags: [...drive.tags] } },
  };
}

export function systemResource(server: Server): JsonObject {
  return {
    '@odata.id': systemPath(server.id),
    '@odata.type': '#ComputerSystem.v1_20_0.ComputerSystem',
    Id: server.id,
    Name: server.hostname,
    SystemType: 'Physical',
    HostName: server.hostname,
    ...systemPower(server.state),
    Links: { Chassis: [ref(chassisPath(server.rack))] },
    Oem: { Drivebay: { Rack: server.rack, Transports: [...server.transports] } },
  };
}

export function collection(path: string, type: string, name: string, members: readonly string[]): JsonObject {
  return {
    '@odata.id': path,
    '@odata.type': `#${type}.${type}`,
    Name: name,
    'Members@odata.count': members.length,
    Members: members.map(ref),
  };
}

export const chassisCollection = (ids: readonly string[]): JsonObject =>
  collection(CHASSIS, 'ChassisCollection', 'Chassis Collection', ids.map(chassisPath));

export const drivesCollection = (physical: PhysicalEnclosure): JsonObject =>
  collection(
    drivesPath(physical.enclosure.id),
    'DriveCollection',
    'Drive Collection',
    [...physical.bays.values()].map((d) => drivePath(physical.enclosure.id, d.id)),
  );

export const systemsCollection = (servers: readonly Server[]): JsonObject =>
  collection(
    SYSTEMS,
    'ComputerSystemCollection',
    'Computer System Collection',
    servers.map((s) => systemPath(s.id)),
  );
