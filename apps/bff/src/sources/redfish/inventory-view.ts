import type {
  Drive,
  Enclosure,
  EnclosureReport,
  InventoryReport,
  Rack,
  Server,
  Site,
} from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';
import type { ServiceScan } from './discovery.js';
import type { EnclosureReading } from './read-enclosure.js';

/** An enclosure with its drives, as last reported. */
export interface KnownEnclosure {
  enclosure: Enclosure;
  drives: Drive[];
}

/** One service's share of the inventory, as the source composes it. */
export interface ServiceShare {
  scan: ServiceScan | undefined;
  readings: Iterable<EnclosureReading>;
  up: boolean;
}

/**
 * The site's inventory composed from every service's share. An inventory report replaces the
 * whole stored inventory, so what no answering service can speak for must still be in it:
 * - a service that is down: its enclosures as last known, offline (as the unreachable path leaves them);
 * - an enclosure read incompletely (a drive unreadable): the drives it no longer shows keep their last record;
 * - while some service has never answered: the stored (restored) records no answering service claims.
 */
export function composeInventory(
  site: Site,
  shares: readonly ServiceShare[],
  known: ReadonlyMap<string, KnownEnclosure>,
  restored: Inventory | undefined,
): InventoryReport {
  const racks = new Map<string, Rack>();
  const enclosures = new Map<string, KnownEnclosure>();
  const servers = new Map<string, Server>();
  for (const share of shares) {
    for (const rack of share.scan?.racks ?? []) if (!racks.has(rack.id)) racks.set(rack.id, rack);
    for (const server of share.scan?.servers ?? [])
      if (!servers.has(server.id)) servers.set(server.id, server);
    for (const reading of share.readings) {
      const id = reading.enclosure.id;
      if (enclosures.has(id)) continue;
      const report = share.up
        ? reportOf(reading, known.get(id))
        : offline(known.get(id) ?? reportOf(reading, undefined));
      enclosures.set(id, report);
    }
  }
  if (restored && shares.some((s) => s.scan === undefined)) {
    for (const enclosure of restored.enclosures.values()) {
      if (enclosures.has(enclosure.id)) continue;
      enclosures.set(enclosure.id, { enclosure, drives: restored.drivesIn(enclosure.id) });
    }
    for (const server of restored.servers.values())
      if (!servers.has(server.id)) servers.set(server.id, server);
    for (const rack of restored.racks.values()) if (!racks.has(rack.id)) racks.set(rack.id, rack);
  }
  // A drive reported twice (moved between enclosures of two services mid-scan): the first stands.
  const driveIds = new Set<string>();
  const list = [...enclosures.values()].map(({ enclosure, drives }) => ({
    enclosure,
    drives: drives.filter((d) => !driveIds.has(d.id) && driveIds.add(d.id)),
  }));
  return {
    type: 'inventory',
    site,
    racks: [...racks.values()],
    enclosures: list,
    servers: [...servers.values()],
  };
}

/**
 * The report of a reading. An incomplete reading keeps the last known drives it could not read
 * (in bays it did not see filled), rather than reporting those bays empty.
 */
export function reportOf(reading: EnclosureReading, known: KnownEnclosure | undefined): EnclosureReport {
  if (reading.unreachable && known) return { type: 'enclosure', ...offline(known) };
  let drives = reading.drives;
  if (reading.incomplete && known) {
    const bays = new Set(drives.map((d) => d.bay));
    const ids = new Set(drives.map((d) => d.id));
    drives = [...drives, ...known.drives.filter((d) => !bays.has(d.bay) && !ids.has(d.id))].sort(
      (a, b) => a.bay - b.bay,
    );
  }
  return { type: 'enclosure', enclosure: reading.enclosure, drives };
}

/** As the unreachable path leaves an enclosure: offline, and its drives offline. */
function offline(known: KnownEnclosure): KnownEnclosure {
  return {
    enclosure: { ...known.enclosure, state: 'offline' },
    drives: known.drives.map((d) => ({ ...d, health: 'offline' })),
  };
}
