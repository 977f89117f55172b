import {
  type Drive,
  type Enclosure,
  type InventoryReport,
  type StorageClassParametersInput,
  type VolumeRequest,
  VolumeRequestSchema,
} from '@drivebay/api-types';
import { Inventory } from '../../../inventory/inventory.js';
import { buildDrive, buildEnclosure } from '../../../testing/builders.js';
import type { PlacementPlan, Volume } from '../../types.js';

/** Fixtures for the placement tests: hand-built sites, requests, and plans turned into volumes. */

/** One decimal terabyte, as drives are sold. */
export const TB = 1_000_000_000_000;

/** An enclosure and its drives, for `siteOf`. */
export interface Shelf {
  readonly enclosure: Enclosure;
  readonly drives: readonly Drive[];
}

/**
 * An enclosure with `count` identical drives (12 TB HDDs unless `drive` says otherwise). Given an
 * enclosure id, drive ids derive from it, so that building the same shelf twice gives equal records.
 */
export function shelf(enclosure: Partial<Enclosure>, count: number, drive: Partial<Drive> = {}): Shelf {
  const built = buildEnclosure(enclosure);
  const named = (bay: number) =>
    enclosure.id ? { id: `${enclosure.id}-d${bay}`, serial: `${enclosure.id}-d${bay}` } : {};
  const drives = Array.from({ length: count }, (_, bay) =>
    buildDrive({ ...drive, ...named(bay), enclosure: built.id, bay }),
  );
  return { enclosure: built, drives };
}

/** An Inventory holding these shelves. */
export function siteOf(shelves: readonly Shelf[]): Inventory {
  return siteOfInto(new Inventory(), shelves);
}

/** An Inventory holding a generated site's hardware. */
export function inventoryOf(report: InventoryReport): Inventory {
  const site = new Inventory();
  site.apply({ kind: 'site', op: 'put', value: report.site });
  for (const rack of report.racks) site.apply({ kind: 'rack', op: 'put', value: rack });
  for (const server of report.servers) site.apply({ kind: 'server', op: 'put', value: server });
  return siteOfInto(site, report.enclosures);
}

function siteOfInto(site: Inventory, shelves: readonly Shelf[]): Inventory {
  for (const { enclosure, drives } of shelves) {
    site.apply({ kind: 'enclosure', op: 'put', value: enclosure });
    for (const drive of drives) site.apply({ kind: 'drive', op: 'put', value: drive });
  }
  return site;
}

/** A parsed request (defaults applied), as the BFF hands it to placement. */
export function request(
  capacityBytes: number,
  parameters: StorageClassParametersInput = {},
  name = 'pvc-test',
): VolumeRequest {
  return VolumeRequestSchema.parse({ name, capacityBytes, parameters });
}

/** The Volume a committed plan becomes, with every member active. */
export function volumeOf(id: string, req: VolumeRequest, plan: PlacementPlan): Volume {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id,
    name: req.name,
    cluster: req.cluster,
    logicalNode: `ln-${id}`,
    request: req,
    layout: plan.layout,
    media: plan.media,
    capacityBytes: plan.capacityBytes,
    members: plan.members.map((m) => ({ ...m, state: 'active' as const })),
    transport: null,
    lifecycle: 'Created',
    health: 'healthy',
    server: null,
    stagingPath: null,
    targetPaths: [],
    encryptionKeyId: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Replaces a drive record (e.g. to fail it), as the inventory's change feed would. */
export function putDrive(site: Inventory, driveId: string, changes: Partial<Drive>): void {
  const drive = site.drives.get(driveId);
  if (!drive) throw new Error(`no drive ${driveId}`);
  site.apply({ kind: 'drive', op: 'put', value: { ...drive, ...changes } });
}

/**
 * A small site with one of everything, in two storage groups and six bandwidth domains:
 * feed-1: hddA (4 × 12 TB, iscsi+nvmetcp), fast (4 × 2.4 TB 10k rpm "fast"), ssdA (4 × 3.84 TB "nvme");
 * feed-2: hddB (4 × 12 TB), big (4 × 20 TB "archive"), ssdB (4 × 3.84 TB "nvme", "sed").
 */
export function referenceSite() {
  const hdd = (tb: number, rpm = 7200, tags: string[] = []) => ({
    media: 'hdd' as const,
    capacityBytes: tb * TB,
    rpm,
    tags,
  });
  const ssd = (tags: string[]) => ({ media: 'ssd' as const, capacityBytes: 3.84 * TB, rpm: 0, tags });
  const flash = {
    kind: 'ebod' as const,
    transports: ['iscsi' as const, 'nvmetcp' as const, 'roce' as const],
  };
  const shelves = {
    hddA: shelf(
      { storageGroup: 'feed-1', bandwidthDomain: 'tor-a', transports: ['iscsi', 'nvmetcp'] },
      4,
      hdd(12),
    ),
    fast: shelf(
      { storageGroup: 'feed-1', bandwidthDomain: 'tor-c', transports: ['iscsi'] },
      4,
      hdd(2.4, 10_000, ['fast']),
    ),
    ssdA: shelf({ ...flash, storageGroup: 'feed-1', bandwidthDomain: 'tor-e' }, 4, ssd(['nvme'])),
    hddB: shelf({ storageGroup: 'feed-2', bandwidthDomain: 'tor-b', transports: ['iscsi'] }, 4, hdd(12)),
    big: shelf(
      { storageGroup: 'feed-2', bandwidthDomain: 'tor-d', transports: ['iscsi'] },
      4,
      hdd(20, 7200, ['archive']),
    ),
    ssdB: shelf({ ...flash, storageGroup: 'feed-2', bandwidthDomain: 'tor-f' }, 4, ssd(['nvme', 'sed'])),
  };
  return { site: siteOf(Object.values(shelves)), shelves };
}
