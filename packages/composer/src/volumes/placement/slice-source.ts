import { type Drive, type Enclosure, GIB } from '@drivebay/api-types';
import type { AllocationIndex } from './allocation-index.js';
import { type CandidateIndex, compare, type DriveGroup } from './candidate-index.js';
import { formatBytes, formatGiB, plural } from './format.js';
import { type Balance, type Candidate, type MemberSource, Tally } from './member-source.js';
import { bestFitGap, type FreeGap, sliceableGiB } from './slice-extents.js';

/** An SSD already holding slices, with the best-fitting gap for this request. */
interface PartlySliced {
  readonly drive: Drive;
  readonly enclosure: Enclosure;
  readonly gap: FreeGap;
  readonly slices: number;
}

/** Where slice members come from: SSDs of the filtered groups with `sizeGiB` free in one extent. */
export interface SliceSourceInput {
  readonly index: CandidateIndex;
  readonly allocations: AllocationIndex;
  readonly balance: Balance;
  readonly groups: readonly DriveGroup[];
  readonly sizeGiB: number;
  /** Drives never to use (the failed member's SSD during a replacement). */
  readonly exclude?: ReadonlySet<string>;
}

/** A slice source, plus the largest free extent among candidate SSDs (for "what exists" messages). */
export interface SliceSource extends MemberSource {
  readonly largestGapGiB: number;
}

/**
 * The fit strategy for slices. First SSDs that already hold slices, best fit: the smallest free
 * gap that holds the slice, then the least-used enclosure, then drive id; the slice starts at the
 * gap's first GiB. Only when no partly sliced SSD has room is an untouched SSD opened: the smallest
 * that holds the slice, least-used enclosure first. Packing slices this way keeps untouched SSDs
 * whole for type=ssd requests, and best fit leaves the largest gaps for the largest requests.
 */
export function sliceSource(input: SliceSourceInput): SliceSource {
  const { index, allocations, balance, sizeGiB } = input;
  const allowed = new Set(input.groups);
  const exclude = input.exclude ?? new Set<string>();
  const partly: PartlySliced[] = [];
  let largestGapGiB = 0;
  for (const driveId of allocations.slicedDrives()) {
    const drive = index.drive(driveId);
    if (!drive || exclude.has(driveId)) continue;
    const capacityGiB = sliceableGiB(drive.capacityBytes);
    // The cached largest gap rules out full SSDs before anything else is looked up.
    const largest = allocations.largestGapOn(driveId, capacityGiB);
    if (largest <= largestGapGiB && largest < sizeGiB) continue;
    const group = index.groupOf(driveId);
    if (!group || !allowed.has(group) || allocations.wholeOwner(driveId) !== undefined) continue;
    largestGapGiB = Math.max(largestGapGiB, largest);
    const gap =
      largest >= sizeGiB ? bestFitGap(allocations.gapsOn(driveId, capacityGiB), sizeGiB) : undefined;
    if (gap)
      partly.push({ drive, enclosure: group.enclosure, gap, slices: allocations.slicesOn(driveId).length });
  }
  const fresh = new Map<DriveGroup, { group: DriveGroup; free: number }>();
  for (const group of input.groups) {
    const free = index.untouchedIn(group, allocations);
    if (free === 0) continue;
    largestGapGiB = Math.max(largestGapGiB, sliceableGiB(group.capacityBytes));
    if (sliceableGiB(group.capacityBytes) >= sizeGiB) fresh.set(group, { group, free });
  }
  const taken = new Set<string>();
  const tally = new Tally();
  for (const p of partly) tally.add(p.enclosure, 1);
  for (const f of fresh.values()) tally.add(f.group.enclosure, f.free);

  const bestPartly = (accept: (enclosure: Enclosure) => boolean): Candidate | undefined => {
    let chosen: PartlySliced | undefined;
    for (const p of partly) {
      if (taken.has(p.drive.id) || !accept(p.enclosure)) continue;
      if (!chosen || betterPartly(p, chosen, balance)) chosen = p;
    }
    if (!chosen) return undefined;
    const reason = `best fit: ${formatGiB(chosen.gap.sizeGiB)} gap at ${formatGiB(chosen.gap.offsetGiB)} on an SSD holding ${plural(chosen.slices, 'slice')}`;
    return {
      drive: chosen.drive,
      enclosure: chosen.enclosure,
      slice: { offsetGiB: chosen.gap.offsetGiB, sizeGiB },
      reason,
    };
  };

  const bestFresh = (accept: (enclosure: Enclosure) => boolean): Candidate | undefined => {
    for (;;) {
      let chosen: { group: DriveGroup; free: number } | undefined;
      for (const f of fresh.values()) {
        if (f.free <= 0 || !accept(f.group.enclosure)) continue;
        if (!chosen || betterFresh(f.group, chosen.group, balance)) chosen = f;
      }
      if (!chosen) return undefined;
      const drive = chosen.group.drives.find(
        (d) => !taken.has(d.id) && !exclude.has(d.id) && allocations.isUntouched(d.id),
      );
      if (!drive) {
        tally.add(chosen.group.enclosure, -chosen.free);
        chosen.free = 0;
        continue;
      }
      const reason = `first slice on an untouched ${formatBytes(drive.capacityBytes)} SSD (no partly sliced SSD the rules allow had room)`;
      return { drive, enclosure: chosen.group.enclosure, slice: { offsetGiB: 0, sizeGiB }, reason };
    }
  };

  return {
    what: `SSDs with ${formatGiB(sizeGiB)} free in one extent`,
    largestGapGiB,
    best: (accept) => bestPartly(accept) ?? bestFresh(accept),
    take(candidate: Candidate): void {
      taken.add(candidate.drive.id);
      const group = index.groupOf(candidate.drive.id);
      const f = group && allocations.isUntouched(candidate.drive.id) ? fresh.get(group) : undefined;
      if (f) f.free -= 1;
      tally.add(candidate.enclosure, -1);
      balance.add(candidate.enclosure, sizeGiB * GIB);
    },
    availability: () => tally.entries(),
  };
}

function betterPartly(a: PartlySliced, b: PartlySliced, balance: Balance): boolean {
  const order =
    a.gap.sizeGiB - b.gap.sizeGiB ||
    balance.compare(a.enclosure, b.enclosure) ||
    compare(a.drive.id, b.drive.id);
  return order < 0;
}

function betterFresh(a: DriveGroup, b: DriveGroup, balance: Balance): boolean {
  if (a.capacityBytes !== b.capacityBytes) return a.capacityBytes < b.capacityBytes;
  return balance.compare(a.enclosure, b.enclosure) < 0;
}
