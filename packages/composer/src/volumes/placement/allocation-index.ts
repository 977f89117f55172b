import { GIB } from '@drivebay/api-types';
import type { PlannedMember } from '../types.js';
import { allocationConflicts } from './allocation-conflicts.js';
import { EnclosureUsage } from './enclosure-usage.js';
import { SliceBook } from './slice-book.js';
import { type FreeGap, type SliceExtent, sliceableGiB } from './slice-extents.js';

/** What the index needs of a volume: any Volume fits, and so does a plan given an id. */
export interface AllocatedVolume {
  readonly id: string;
  /** Usable bytes; a whole-drive member counts as capacityBytes / number of sets. */
  readonly capacityBytes: number;
  readonly members: readonly PlannedMember[];
}

interface Held {
  readonly members: readonly PlannedMember[];
  readonly memberBytes: readonly number[];
}

/**
 * Who holds which drive and which SSD extents, built from the volumes and kept current one volume
 * at a time. Every member listed in a volume holds its drive or extent whatever its state: a
 * failed member keeps its drive until the lifecycle replaces it. Lookups are O(1) per drive,
 * slice updates O(slices on that SSD), so 100,000 drives and tens of thousands of volumes are cheap.
 */
export class AllocationIndex {
  private readonly volumes = new Map<string, Held>();
  private readonly owners = new Map<string, string>();
  private readonly slices = new SliceBook();
  private readonly usage = new EnclosureUsage();

  /** An index holding every given volume. */
  static fromVolumes(volumes: Iterable<AllocatedVolume>): AllocationIndex {
    const index = new AllocationIndex();
    for (const volume of volumes) index.put(volume);
    return index;
  }

  /** Records a volume's members, replacing whatever that volume held before. */
  put(volume: AllocatedVolume): void {
    this.remove(volume.id);
    const sets = new Set(volume.members.map((m) => m.set)).size;
    const memberBytes = volume.members.map((m) =>
      m.slice ? m.slice.sizeGiB * GIB : Math.floor(volume.capacityBytes / Math.max(1, sets)),
    );
    this.volumes.set(volume.id, { members: volume.members, memberBytes });
    volume.members.forEach((member, i) => {
      this.hold(volume.id, member, memberBytes[i] ?? 0);
    });
  }

  /** Releases everything a volume holds; a volume the index does not know is ignored. */
  remove(volumeId: string): void {
    const held = this.volumes.get(volumeId);
    if (!held) return;
    this.volumes.delete(volumeId);
    held.members.forEach((member, i) => {
      this.release(volumeId, member, held.memberBytes[i] ?? 0);
    });
  }

  /** Whether the index holds this volume. */
  has(volumeId: string): boolean {
    return this.volumes.has(volumeId);
  }

  /** How many volumes the index holds. */
  get volumeCount(): number {
    return this.volumes.size;
  }

  /** The volume that holds this drive whole, if any. */
  wholeOwner(driveId: string): string | undefined {
    return this.owners.get(driveId);
  }

  /** Slice extents on an SSD, sorted by offset (empty for an unsliced drive). */
  slicesOn(driveId: string): readonly SliceExtent[] {
    return this.slices.on(driveId);
  }

  /** Free whole GiB on an SSD of this capacity; 0 when the drive is held whole. */
  freeGiB(driveId: string, capacityBytes: number): number {
    if (this.owners.has(driveId)) return 0;
    return this.slices.gaps(driveId, sliceableGiB(capacityBytes)).freeGiB;
  }

  /** Free gaps on an SSD of this many sliceable GiB, in offset order. */
  gapsOn(driveId: string, capacityGiB: number): readonly FreeGap[] {
    return this.slices.gaps(driveId, capacityGiB).gaps;
  }

  /** The largest free gap on an SSD of this many sliceable GiB. */
  largestGapOn(driveId: string, capacityGiB: number): number {
    return this.slices.gaps(driveId, capacityGiB).largestGiB;
  }

  /** Neither held whole nor holding a slice: free to be given whole. */
  isUntouched(driveId: string): boolean {
    return !this.owners.has(driveId) && !this.slices.has(driveId);
  }

  /** SSDs holding at least one slice. */
  slicedDrives(): IterableIterator<string> {
    return this.slices.drives();
  }

  /** Drives of an enclosure held whole or holding slices. */
  touchedIn(enclosureId: string): ReadonlySet<string> {
    return this.usage.touchedIn(enclosureId);
  }

  /** Changes whenever the set of touched drives in the enclosure changes (0: never touched); for caches. */
  stampOf(enclosureId: string): number {
    return this.usage.stampOf(enclosureId);
  }

  /** Bytes held in an enclosure, for least-used-first balancing. */
  usedBytesInEnclosure(enclosureId: string): number {
    return this.usage.enclosureBytes(enclosureId);
  }

  /** Bytes held in a storage group, for least-used-first balancing. */
  usedBytesInStorageGroup(storageGroup: string): number {
    return this.usage.groupBytes(storageGroup);
  }

  /** What would clash if this volume were put: drives or extents another volume holds. Empty when none. */
  conflicts(volume: AllocatedVolume): string[] {
    return allocationConflicts(
      volume,
      (id) => this.owners.get(id),
      (id) => this.slicesOn(id),
    );
  }

  private hold(volumeId: string, member: PlannedMember, bytes: number): void {
    if (member.slice) this.slices.add(member.driveId, { ...member.slice, volumeId });
    else this.owners.set(member.driveId, volumeId);
    this.account(member, bytes);
  }

  private release(volumeId: string, member: PlannedMember, bytes: number): void {
    if (member.slice) this.slices.remove(member.driveId, volumeId, member.slice.offsetGiB);
    else if (this.owners.get(member.driveId) === volumeId) this.owners.delete(member.driveId);
    this.account(member, -bytes);
  }

  private account(member: PlannedMember, bytes: number): void {
    this.usage.addBytes(member.enclosureId, member.storageGroup, bytes);
    this.usage.setTouched(member.enclosureId, member.driveId, !this.isUntouched(member.driveId));
  }
}
