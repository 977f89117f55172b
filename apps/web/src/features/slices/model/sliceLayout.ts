import type { Drive, Volume } from '@drivebay/api-types';

const GiB = 1024 ** 3;

/** One stretch of an SSD: a volume's slice, or free space between slices. */
export type SliceSegment =
  | {
      readonly kind: 'slice';
      readonly offsetGiB: number;
      readonly sizeGiB: number;
      readonly volumeId: string;
      readonly volumeName: string;
    }
  | { readonly kind: 'free'; readonly offsetGiB: number; readonly sizeGiB: number };

/** An SSD carved into slices: its segments in order, and how its free space lies. */
export interface SlicedSsd {
  readonly drive: Drive;
  /** Whole GiB that can be sliced (1 GiB alignment leaves the tail unusable). */
  readonly capacityGiB: number;
  readonly segments: readonly SliceSegment[];
  readonly usedGiB: number;
  readonly freeGiB: number;
  readonly largestGapGiB: number;
  /** Share of the free space outside the largest gap (0: all in one piece; near 1: scattered). */
  readonly fragmentation: number;
  /** Bytes past the last whole GiB, which no slice can use. */
  readonly tailBytes: number;
}

/** Slices per drive, from the volumes' members: one pass, O(members). */
export function slicesByDrive(
  volumes: readonly Volume[],
): Map<string, { offsetGiB: number; sizeGiB: number; volumeId: string; volumeName: string }[]> {
  const byDrive = new Map<
    string,
    { offsetGiB: number; sizeGiB: number; volumeId: string; volumeName: string }[]
  >();
  for (const volume of volumes) {
    for (const member of volume.members) {
      if (!member.slice) continue;
      const list = byDrive.get(member.driveId) ?? [];
      list.push({ ...member.slice, volumeId: volume.id, volumeName: volume.name });
      byDrive.set(member.driveId, list);
    }
  }
  return byDrive;
}

/** The SSD's layout: slices and the gaps between them, in offset order. */
export function sliceLayout(
  drive: Drive,
  slices: readonly { offsetGiB: number; sizeGiB: number; volumeId: string; volumeName: string }[],
): SlicedSsd {
  const capacityGiB = Math.floor(drive.capacityBytes / GiB);
  const sorted = [...slices].sort((a, b) => a.offsetGiB - b.offsetGiB);
  const segments: SliceSegment[] = [];
  let at = 0;
  let usedGiB = 0;
  let largestGapGiB = 0;
  const gap = (to: number) => {
    if (to <= at) return;
    segments.push({ kind: 'free', offsetGiB: at, sizeGiB: to - at });
    largestGapGiB = Math.max(largestGapGiB, to - at);
  };
  for (const slice of sorted) {
    gap(slice.offsetGiB);
    segments.push({ kind: 'slice', ...slice });
    usedGiB += slice.sizeGiB;
    at = Math.max(at, slice.offsetGiB + slice.sizeGiB);
  }
  gap(capacityGiB);
  const freeGiB = Math.max(0, capacityGiB - usedGiB);
  return {
    drive,
    capacityGiB,
    segments,
    usedGiB,
    freeGiB,
    largestGapGiB,
    fragmentation: freeGiB === 0 ? 0 : 1 - largestGapGiB / freeGiB,
    tailBytes: drive.capacityBytes - capacityGiB * GiB,
  };
}
