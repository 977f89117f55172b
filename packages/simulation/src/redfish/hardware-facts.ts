import { findDriveModel, hashString } from '@drivebay/composer';

/**
 * Facts a real enclosure reports that the simulated site does not model (manufacturer, serial
 * of the enclosure, firmware, drive protocol), derived from what it does model so that they
 * are plausible and the same on every request.
 */

// Longest first: "Western Digital" before a one-word vendor.
const MANUFACTURERS: readonly [prefix: string, name: string][] = [
  ['Western Digital', 'Western Digital'],
  ['WDC', 'Western Digital'],
  ['HGST', 'HGST'],
  ['Seagate', 'Seagate'],
  ['HPE', 'HPE'],
  ['Samsung', 'Samsung'],
  ['Micron', 'Micron'],
  ['Solidigm', 'Solidigm'],
  ['Kioxia', 'Kioxia'],
  ['Intel', 'Intel'],
  ['Toshiba', 'Toshiba'],
];

/** The vendor of a product, from how its model name begins. */
export function manufacturerOf(model: string): string {
  const known = MANUFACTURERS.find(([prefix]) => model.startsWith(prefix));
  return known ? known[1] : (model.split(' ')[0] ?? model);
}

/** An enclosure's serial number, stable for its id (the site model has none). */
export function enclosureSerial(enclosureId: string): string {
  return `SN${hashString(enclosureId).toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Enclosure firmware: one version per model, as a fleet kept current would run. */
export function enclosureFirmware(model: string): string {
  const hash = hashString(model);
  return `${(hash % 4) + 2}.${(hash >>> 4) % 10}.${(hash >>> 8) % 20}`;
}

const protocols = new Map<string, 'NVMe' | 'SAS'>();

/** How a drive talks to its enclosure: NVMe for U.2/U.3 drives, SAS for the rest. */
export function driveProtocol(model: string): 'NVMe' | 'SAS' {
  let protocol = protocols.get(model);
  if (!protocol) {
    protocol = findDriveModel(model)?.formFactor === 'nvme' ? 'NVMe' : 'SAS';
    protocols.set(model, protocol);
  }
  return protocol;
}

/** A UUID-shaped identity for the service, stable for the site it serves. */
export function serviceUuid(siteId: string): string {
  const hex = [0, 1, 2, 3].map((i) => hashString(`${siteId}#${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
