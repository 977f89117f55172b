import type { Drive, Enclosure, Media } from '@drivebay/api-types';
import type { AllocationIndex } from './allocation-index.js';
import { mediaNoun } from './candidate-filters.js';
import type { CandidateIndex, DriveGroup } from './candidate-index.js';
import { formatBytes, formatShare } from './format.js';
import { type Balance, type Candidate, type MemberSource, Tally } from './member-source.js';

/** A candidate group and how many of its drives are untouched. */
export interface FreeGroup {
  readonly group: DriveGroup;
  readonly free: number;
}

/** Where whole-drive members come from: untouched drives of at least `floorBytes`. */
export interface WholeSourceInput {
  readonly index: CandidateIndex;
  readonly allocations: AllocationIndex;
  readonly balance: Balance;
  readonly media: Media;
  readonly groups: readonly FreeGroup[];
  readonly floorBytes: number;
}

/** Candidate groups with their untouched counts; groups with none left out. */
export function freeGroups(
  index: CandidateIndex,
  allocations: AllocationIndex,
  groups: readonly DriveGroup[],
): FreeGroup[] {
  const free: FreeGroup[] = [];
  for (const group of groups) {
    const n = index.untouchedIn(group, allocations);
    if (n > 0) free.push({ group, free: n });
  }
  return free;
}

/**
 * Whole drives, best fit first: the smallest capacity that is at least the floor (a bigger drive
 * would waste its surplus), then the least-used enclosure, then the lowest bay. Candidates are
 * counted per group (one kind of drive in one enclosure), so a pick scans groups, not drives.
 */
export function wholeDriveSource(input: WholeSourceInput): MemberSource {
  const { allocations, balance, floorBytes } = input;
  const slots: { group: DriveGroup; free: number }[] = [];
  const slotOf = new Map<DriveGroup, { group: DriveGroup; free: number }>();
  for (const { group, free } of input.groups) {
    if (group.capacityBytes < floorBytes) continue;
    const slot = { group, free };
    slots.push(slot);
    slotOf.set(group, slot);
  }
  // Counted per enclosure only when asked (stripes and diagnosis): single drives and pairs never need it.
  let tally: Tally | undefined;
  const taken = new Set<string>();

  const firstFree = (group: DriveGroup): Drive | undefined =>
    group.drives.find((d) => !taken.has(d.id) && allocations.isUntouched(d.id));

  const best = (accept: (enclosure: Enclosure) => boolean): Candidate | undefined => {
    for (;;) {
      let chosen: { group: DriveGroup; free: number } | undefined;
      for (const slot of slots) {
        if (slot.free <= 0 || !accept(slot.group.enclosure)) continue;
        if (!chosen || isBetter(slot.group, chosen.group, balance)) chosen = slot;
      }
      if (!chosen) return undefined;
      const drive = firstFree(chosen.group);
      // A count can only disagree with the drives if the index was misused; skip the group then.
      if (!drive) {
        tally?.add(chosen.group.enclosure, -chosen.free);
        chosen.free = 0;
        continue;
      }
      const { enclosure } = chosen.group;
      const reason = `${formatBytes(drive.capacityBytes)}, enclosure ${formatShare(balance.enclosureLoad(enclosure))} used`;
      return { drive, enclosure, reason };
    }
  };

  return {
    what: `free ${mediaNoun(input.media)}s ≥ ${formatBytes(floorBytes)}`,
    best,
    take(candidate: Candidate): void {
      taken.add(candidate.drive.id);
      const group = input.index.groupOf(candidate.drive.id);
      const slot = group && slotOf.get(group);
      if (slot) {
        slot.free -= 1;
        tally?.add(candidate.enclosure, -1);
      }
      balance.add(candidate.enclosure, candidate.drive.capacityBytes);
    },
    availability() {
      if (!tally) {
        tally = new Tally();
        for (const slot of slots) tally.add(slot.group.enclosure, slot.free);
      }
      return tally.entries();
    },
  };
}

function isBetter(a: DriveGroup, b: DriveGroup, balance: Balance): boolean {
  if (a.capacityBytes !== b.capacityBytes) return a.capacityBytes < b.capacityBytes;
  return balance.compare(a.enclosure, b.enclosure) < 0;
}
