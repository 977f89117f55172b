import type { PlannedMember } from '../types.js';
import { overlaps, type SliceExtent } from './slice-extents.js';

/** The part of a volume a conflict check reads. */
interface Claim {
  readonly id: string;
  readonly members: readonly PlannedMember[];
}

/**
 * What would be allocated twice if this volume were recorded: a drive another volume holds whole,
 * a drive given whole that already holds slices (or the reverse), or overlapping extents. The
 * volume's own earlier record does not count, since putting it again replaces it.
 */
export function allocationConflicts(
  volume: Claim,
  ownerOf: (driveId: string) => string | undefined,
  slicesOn: (driveId: string) => readonly SliceExtent[],
): string[] {
  const problems: string[] = [];
  const others = (driveId: string) => slicesOn(driveId).filter((e) => e.volumeId !== volume.id);
  volume.members.forEach((member, i) => {
    const owner = ownerOf(member.driveId);
    if (owner !== undefined && owner !== volume.id) {
      problems.push(`member ${i}: ${member.driveId} is held whole by ${owner}`);
    }
    const theirs = others(member.driveId);
    if (!member.slice) {
      if (theirs.length > 0)
        problems.push(`member ${i}: ${member.driveId} holds slices of ${theirs[0]!.volumeId}`);
      return;
    }
    const clash = theirs.find((e) => overlaps(e, member.slice!));
    if (clash) problems.push(`member ${i}: slice on ${member.driveId} overlaps ${clash.volumeId}`);
  });
  problems.push(...selfConflicts(volume.members));
  return problems;
}

/** Members of one volume that share a whole drive or overlap each other's extents. */
function selfConflicts(members: readonly PlannedMember[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      if (a.driveId !== b.driveId) continue;
      const clash = !a.slice || !b.slice || overlaps(a.slice, b.slice);
      if (clash) problems.push(`members ${i} and ${j} both use ${a.driveId}`);
    }
  }
  return problems;
}
