import type { Drive, DriveHealth, Enclosure, Locate, Rack, Server, Site } from '@drivebay/api-types';
import type { TopologyModel } from './topologyModel';

/**
 * Copy-on-write builder for one delta batch: each structure is copied at most once per batch
 * and only if the batch touches it, so a drive update costs O(1) plus O(its enclosure).
 */
export class ModelDraft {
  readonly #base: TopologyModel;
  #changed = false;
  #site: Site | null;
  #racks: Map<string, Rack> | undefined;
  #enclosures: Map<string, Enclosure> | undefined;
  #servers: Map<string, Server> | undefined;
  #drives: (Drive | undefined)[] | undefined;
  #members: Map<string, readonly number[]> | undefined;
  /** Member arrays this draft has copied and may change in place. */
  readonly #ownedMembers = new Map<string, number[]>();
  readonly #counts: Record<DriveHealth, number>;
  #driveCount: number;
  #locates: Map<string, Locate> | undefined;

  constructor(base: TopologyModel) {
    this.#base = base;
    this.#site = base.site;
    this.#counts = { ...base.healthCounts };
    this.#driveCount = base.driveCount;
  }

  putLocate(locate: Locate): void {
    this.#locates ??= new Map(this.#base.locates);
    this.#locates.set(`${locate.kind}/${locate.id}`, locate);
    this.#changed = true;
  }

  deleteLocate(id: string): void {
    if (!(this.#locates ?? this.#base.locates).has(id)) return;
    this.#locates ??= new Map(this.#base.locates);
    this.#locates.delete(id);
    this.#changed = true;
  }

  putSite(site: Site): void {
    this.#site = site;
    this.#changed = true;
  }

  putRack(rack: Rack): void {
    this.#racks ??= new Map(this.#base.racks);
    this.#racks.set(rack.id, rack);
    this.#changed = true;
  }

  deleteRack(id: string): void {
    if (!(this.#racks ?? this.#base.racks).has(id)) return;
    this.#racks ??= new Map(this.#base.racks);
    this.#racks.delete(id);
    this.#changed = true;
  }

  putEnclosure(enclosure: Enclosure): void {
    this.#enclosures ??= new Map(this.#base.enclosures);
    this.#enclosures.set(enclosure.id, enclosure);
    this.#changed = true;
  }

  /** Removes the enclosure; its drives stay until their own deletes arrive. */
  deleteEnclosure(id: string): void {
    if (!(this.#enclosures ?? this.#base.enclosures).has(id)) return;
    this.#enclosures ??= new Map(this.#base.enclosures);
    this.#enclosures.delete(id);
    this.#changed = true;
  }

  putServer(server: Server): void {
    this.#servers ??= new Map(this.#base.servers);
    this.#servers.set(server.id, server);
    this.#changed = true;
  }

  deleteServer(id: string): void {
    if (!(this.#servers ?? this.#base.servers).has(id)) return;
    this.#servers ??= new Map(this.#base.servers);
    this.#servers.delete(id);
    this.#changed = true;
  }

  putDrive(drive: Drive): void {
    const slot = this.#base.slots.assign(drive.id);
    const drives = this.#writableDrives();
    while (drives.length <= slot) drives.push(undefined);
    const previous = drives[slot];
    if (previous) {
      this.#counts[previous.health] -= 1;
      if (previous.enclosure !== drive.enclosure) {
        this.#removeMember(previous.enclosure, slot);
        this.#addMember(drive.enclosure, slot);
      }
    } else {
      this.#driveCount += 1;
      this.#addMember(drive.enclosure, slot);
    }
    this.#counts[drive.health] += 1;
    drives[slot] = drive;
    this.#changed = true;
  }

  deleteDrive(id: string): void {
    const slot = this.#base.slots.get(id);
    if (slot === undefined) return;
    const previous = (this.#drives ?? this.#base.drives)[slot];
    if (!previous) return;
    this.#writableDrives()[slot] = undefined;
    this.#counts[previous.health] -= 1;
    this.#driveCount -= 1;
    this.#removeMember(previous.enclosure, slot);
    this.#changed = true;
  }

  /** The new model, or the base itself if nothing changed (so React sees no change). */
  finish(revision: number): TopologyModel {
    if (!this.#changed && revision === this.#base.revision) return this.#base;
    const base = this.#base;
    return {
      revision,
      site: this.#site,
      racks: this.#racks ?? base.racks,
      enclosures: this.#enclosures ?? base.enclosures,
      servers: this.#servers ?? base.servers,
      drives: this.#drives ?? base.drives,
      slots: base.slots,
      drivesByEnclosure: this.#members ?? base.drivesByEnclosure,
      healthCounts: this.#drives ? { ...this.#counts } : base.healthCounts,
      driveCount: this.#driveCount,
      locates: this.#locates ?? base.locates,
    };
  }

  #writableDrives(): (Drive | undefined)[] {
    this.#drives ??= this.#base.drives.slice();
    return this.#drives;
  }

  #writableMembers(enclosureId: string): number[] {
    this.#members ??= new Map(this.#base.drivesByEnclosure);
    const owned = this.#ownedMembers.get(enclosureId);
    if (owned) return owned;
    const copy = (this.#members.get(enclosureId) ?? []).slice();
    this.#members.set(enclosureId, copy);
    this.#ownedMembers.set(enclosureId, copy);
    return copy;
  }

  #addMember(enclosureId: string, slot: number): void {
    const members = this.#writableMembers(enclosureId);
    const at = insertionPoint(members, slot);
    if (members[at] !== slot) members.splice(at, 0, slot);
  }

  #removeMember(enclosureId: string, slot: number): void {
    const members = this.#writableMembers(enclosureId);
    const at = insertionPoint(members, slot);
    if (members[at] === slot) members.splice(at, 1);
    if (members.length > 0) return;
    this.#members?.delete(enclosureId);
    this.#ownedMembers.delete(enclosureId);
  }
}

/** First index whose value is >= `value` in an ascending array. */
function insertionPoint(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
