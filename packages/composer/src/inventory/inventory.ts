import type { Drive, Enclosure, Rack, Server, Site } from '@drivebay/api-types';

/** A change to the inventory, in domain terms; the BFF maps it to store keys. */
export type InventoryChange =
  | { kind: 'site'; op: 'put'; value: Site }
  | { kind: 'rack'; op: 'put'; value: Rack }
  | { kind: 'rack'; op: 'delete'; id: string }
  | { kind: 'enclosure'; op: 'put'; value: Enclosure }
  | { kind: 'enclosure'; op: 'delete'; id: string }
  | { kind: 'drive'; op: 'put'; value: Drive }
  | { kind: 'drive'; op: 'delete'; id: string }
  | { kind: 'server'; op: 'put'; value: Server }
  | { kind: 'server'; op: 'delete'; id: string };

/**
 * The in-memory index of the site's hardware, built from the store and kept current by its
 * change feed. Lookups the composer needs at 100,000 drives are O(1) or O(enclosure).
 */
export class Inventory {
  private siteRecord: Site | null = null;
  private readonly rackMap = new Map<string, Rack>();
  private readonly enclosureMap = new Map<string, Enclosure>();
  private readonly driveMap = new Map<string, Drive>();
  private readonly serverMap = new Map<string, Server>();
  private readonly drivesByEnclosure = new Map<string, Map<string, Drive>>();
  /** Drives whose health is not ok, and enclosures not online: what an incident is made of, kept as changes arrive. */
  private readonly troubledDrives = new Map<string, Drive>();
  private readonly offlineEnclosures = new Map<string, Enclosure>();
  private changes = 0;

  // Read-only views: every change goes through apply(), so `version` is a sound change test.
  get site(): Site | null {
    return this.siteRecord;
  }
  get racks(): ReadonlyMap<string, Rack> {
    return this.rackMap;
  }
  get enclosures(): ReadonlyMap<string, Enclosure> {
    return this.enclosureMap;
  }
  get drives(): ReadonlyMap<string, Drive> {
    return this.driveMap;
  }
  get servers(): ReadonlyMap<string, Server> {
    return this.serverMap;
  }

  /**
   * Bumped by every applied change. Derived indexes (placement's CandidateIndex) compare it to
   * know they are current without walking 100,000 drives.
   */
  get version(): number {
    return this.changes;
  }

  /** Drives whose health is not ok (failed, offline, degraded), without walking every drive. */
  get unhealthyDrives(): ReadonlyMap<string, Drive> {
    return this.troubledDrives;
  }

  /** Enclosures that are not online. */
  get enclosuresOffline(): ReadonlyMap<string, Enclosure> {
    return this.offlineEnclosures;
  }

  /** Drives currently in the enclosure's bays. */
  drivesIn(enclosureId: string): Drive[] {
    return [...(this.drivesByEnclosure.get(enclosureId)?.values() ?? [])];
  }

  apply(change: InventoryChange): void {
    this.changes += 1;
    switch (change.kind) {
      case 'site':
        this.siteRecord = change.value;
        return;
      case 'rack':
        applyToMap(this.rackMap, change);
        return;
      case 'enclosure':
        applyToMap(this.enclosureMap, change);
        if (change.op === 'put' && change.value.state !== 'online')
          this.offlineEnclosures.set(change.value.id, change.value);
        else this.offlineEnclosures.delete(change.op === 'put' ? change.value.id : change.id);
        return;
      case 'server':
        applyToMap(this.serverMap, change);
        return;
      case 'drive':
        this.applyDrive(change);
        return;
      default:
        assertNever(change);
    }
  }

  private applyDrive(change: Extract<InventoryChange, { kind: 'drive' }>): void {
    const id = change.op === 'put' ? change.value.id : change.id;
    const previous = this.driveMap.get(id);
    if (previous) this.drivesByEnclosure.get(previous.enclosure)?.delete(id);
    this.troubledDrives.delete(id);
    if (change.op === 'delete') {
      this.driveMap.delete(id);
      return;
    }
    this.driveMap.set(id, change.value);
    if (change.value.health !== 'ok') this.troubledDrives.set(id, change.value);
    let bays = this.drivesByEnclosure.get(change.value.enclosure);
    if (!bays) {
      bays = new Map();
      this.drivesByEnclosure.set(change.value.enclosure, bays);
    }
    bays.set(id, change.value);
  }
}

function applyToMap<T extends { id: string }>(
  map: Map<string, T>,
  change: { op: 'put'; value: T } | { op: 'delete'; id: string },
): void {
  if (change.op === 'put') map.set(change.value.id, change.value);
  else map.delete(change.id);
}

/** Compile-time proof that a switch covered every member of a union. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** The inventory as the volume engine's read-only SiteView. */
export function siteViewOf(inventory: Inventory): {
  drive(id: string): Drive | undefined;
  enclosure(id: string): Enclosure | undefined;
  server(id: string): Server | undefined;
} {
  return {
    drive: (id) => inventory.drives.get(id),
    enclosure: (id) => inventory.enclosures.get(id),
    server: (id) => inventory.servers.get(id),
  };
}
