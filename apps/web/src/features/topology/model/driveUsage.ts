import type { Volume } from '@drivebay/api-types';

const GiB = 1024 ** 3;

/** Who holds a drive: how much of it (0..1) and for which clusters. */
export interface DriveUsage {
  readonly usedShare: number;
  readonly clusters: ReadonlySet<string>;
}

/**
 * Each drive's use by volumes, in one pass over their members: a whole drive is fully used,
 * a slice uses its extent of the SSD. O(members), so it stays cheap at 10,000 volumes.
 */
export function driveUsage(
  volumes: readonly Volume[],
  capacityOf: (driveId: string) => number | undefined,
): ReadonlyMap<string, DriveUsage> {
  const used = new Map<string, { gib: number; whole: boolean; clusters: Set<string> }>();
  for (const volume of volumes) {
    for (const member of volume.members) {
      const entry = used.get(member.driveId) ?? { gib: 0, whole: false, clusters: new Set<string>() };
      if (member.slice) entry.gib += member.slice.sizeGiB;
      else entry.whole = true;
      entry.clusters.add(volume.cluster);
      used.set(member.driveId, entry);
    }
  }
  const usage = new Map<string, DriveUsage>();
  for (const [driveId, entry] of used) {
    const capacity = capacityOf(driveId);
    const share = entry.whole ? 1 : capacity ? Math.min(1, (entry.gib * GiB) / capacity) : 0;
    usage.set(driveId, { usedShare: share, clusters: entry.clusters });
  }
  return usage;
}
