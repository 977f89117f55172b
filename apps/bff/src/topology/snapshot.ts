import { gzipSync } from 'node:zlib';
import { encodeDriveColumns, type Locate, type TopologySnapshot } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';

/** A snapshot serialized once per revision and shared by every client that asks. */
export interface EncodedSnapshot {
  revision: number;
  json: Buffer;
  gzip: Buffer;
  etag: string;
}

/** Builds the topology snapshot from the in-memory inventory at its current revision. */
export function buildSnapshot(
  inventory: Inventory,
  revision: number,
  locates: Locate[] = [],
): TopologySnapshot {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const drives = [...inventory.drives.values()].sort((a, b) =>
    a.enclosure === b.enclosure ? a.bay - b.bay : a.enclosure < b.enclosure ? -1 : 1,
  );
  return {
    revision,
    site: inventory.site,
    racks: [...inventory.racks.values()].sort(byId),
    enclosures: [...inventory.enclosures.values()].sort(byId),
    servers: [...inventory.servers.values()].sort(byId),
    drives: encodeDriveColumns(drives),
    locates,
  };
}

/**
 * Caches the encoded snapshot for the latest revision: at 100,000 drives encoding and
 * compressing costs a few hundred milliseconds, which a page load must not pay each time.
 */
export class SnapshotCache {
  private cached: EncodedSnapshot | undefined;

  constructor(
    private readonly source: () => { inventory: Inventory; revision: number; locates?: () => Locate[] },
  ) {}

  current(): EncodedSnapshot {
    const { inventory, revision, locates } = this.source();
    if (this.cached?.revision === revision) return this.cached;
    const json = Buffer.from(JSON.stringify(buildSnapshot(inventory, revision, locates?.())));
    this.cached = { revision, json, gzip: gzipSync(json, { level: 6 }), etag: `"topology-${revision}"` };
    return this.cached;
  }
}
