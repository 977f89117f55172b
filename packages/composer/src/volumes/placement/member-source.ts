import type { Drive, Enclosure } from '@drivebay/api-types';
import type { AllocationIndex } from './allocation-index.js';
import { type CandidateIndex, compare } from './candidate-index.js';

/** A place one member could go: a whole drive, or an extent of an SSD. */
export interface Candidate {
  readonly drive: Drive;
  readonly enclosure: Enclosure;
  /** Set for a slice: its extent on the SSD. */
  readonly slice?: { readonly offsetGiB: number; readonly sizeGiB: number };
  /** Why this one, for the explanation ("best fit: 120 GiB gap on an SSD holding 3 slices"). */
  readonly reason: string;
}

/** How many members could still go into an enclosure. */
export interface Availability {
  readonly enclosure: Enclosure;
  count: number;
}

/**
 * Where the members of one plan can come from. `best` answers the preferred candidate among
 * enclosures that `accept` allows, without reserving it; `take` reserves it for this plan.
 */
export interface MemberSource {
  best(accept: (enclosure: Enclosure) => boolean): Candidate | undefined;
  take(candidate: Candidate): void;
  /** Candidates per enclosure: a live view kept current by `take` (callers must not change it). */
  availability(): readonly Availability[];
  /** What the candidates are, for messages: "free HDDs ≥ 12 TB". */
  readonly what: string;
}

/**
 * Least-used-first ordering of enclosures: by the share of the enclosure's raw bytes that is
 * allocated, then the same share for its storage group, then id. Shares rather than bytes, so a
 * 24-bay shelf is not filled as fast as a 102-bay one. Members taken for the plan being built
 * count too, so the members of one volume spread instead of piling into one enclosure.
 */
export class Balance {
  private readonly extra = new Map<string, number>();
  private readonly enclosureLoads = new Map<string, number>();
  private readonly groupLoads = new Map<string, number>();

  constructor(
    private readonly index: CandidateIndex,
    private readonly allocations: AllocationIndex,
  ) {}

  /** Allocated share of an enclosure's raw bytes, 0..1. */
  enclosureLoad(enclosure: Enclosure): number {
    let load = this.enclosureLoads.get(enclosure.id);
    if (load === undefined) {
      const used = this.allocations.usedBytesInEnclosure(enclosure.id) + (this.extra.get(enclosure.id) ?? 0);
      load = used / Math.max(1, this.index.enclosureBytes(enclosure.id));
      this.enclosureLoads.set(enclosure.id, load);
    }
    return load;
  }

  /** Allocated share of a storage group's raw bytes, 0..1. */
  groupLoad(storageGroup: string): number {
    let load = this.groupLoads.get(storageGroup);
    if (load === undefined) {
      const used =
        this.allocations.usedBytesInStorageGroup(storageGroup) + (this.extra.get(`sg:${storageGroup}`) ?? 0);
      load = used / Math.max(1, this.index.storageGroupBytes(storageGroup));
      this.groupLoads.set(storageGroup, load);
    }
    return load;
  }

  /** Counts bytes taken for the plan being built. */
  add(enclosure: Enclosure, bytes: number): void {
    const key = `sg:${enclosure.storageGroup}`;
    this.extra.set(enclosure.id, (this.extra.get(enclosure.id) ?? 0) + bytes);
    this.extra.set(key, (this.extra.get(key) ?? 0) + bytes);
    this.enclosureLoads.delete(enclosure.id);
    this.groupLoads.delete(enclosure.storageGroup);
  }

  /** Negative when `a` is less used than `b`. */
  compare(a: Enclosure, b: Enclosure): number {
    if (a === b) return 0;
    return (
      this.enclosureLoad(a) - this.enclosureLoad(b) ||
      this.groupLoad(a.storageGroup) - this.groupLoad(b.storageGroup) ||
      compare(a.id, b.id)
    );
  }
}

/**
 * Candidate counts per enclosure, kept current as members are taken, so that diagnosis and the
 * fullest-group choice read them without recounting.
 */
export class Tally {
  private readonly byId = new Map<string, Availability>();
  private readonly list: Availability[] = [];

  /** Adds `count` candidates in the enclosure. */
  add(enclosure: Enclosure, count: number): void {
    if (count === 0) return;
    const entry = this.byId.get(enclosure.id);
    if (entry) {
      entry.count += count;
      return;
    }
    const created = { enclosure, count };
    this.byId.set(enclosure.id, created);
    this.list.push(created);
  }

  /** Every enclosure with its count (zero once all its candidates are taken). */
  entries(): readonly Availability[] {
    return this.list;
  }
}
