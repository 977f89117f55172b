import { type FreeGap, freeGaps, insertExtent, type SliceExtent } from './slice-extents.js';

/** An SSD's free gaps, cached until its extents change: placement reads them on every slice request. */
interface Gaps {
  readonly capacityGiB: number;
  readonly gaps: readonly FreeGap[];
  readonly freeGiB: number;
  readonly largestGiB: number;
}

const NO_EXTENTS: readonly SliceExtent[] = [];

/** The slice extents on every SSD, sorted by offset, with their free gaps cached per SSD. */
export class SliceBook {
  private readonly extents = new Map<string, SliceExtent[]>();
  private readonly gapCache = new Map<string, Gaps>();

  /** Extents on an SSD, by offset (empty for an unsliced drive). */
  on(driveId: string): readonly SliceExtent[] {
    return this.extents.get(driveId) ?? NO_EXTENTS;
  }

  /** Whether the drive holds any slice. */
  has(driveId: string): boolean {
    return this.extents.has(driveId);
  }

  /** SSDs holding at least one slice. */
  drives(): IterableIterator<string> {
    return this.extents.keys();
  }

  /** Records an extent. */
  add(driveId: string, extent: SliceExtent): void {
    let extents = this.extents.get(driveId);
    if (!extents) {
      extents = [];
      this.extents.set(driveId, extents);
    }
    insertExtent(extents, extent);
    this.gapCache.delete(driveId);
  }

  /** Forgets the volume's extent at this offset. */
  remove(driveId: string, volumeId: string, offsetGiB: number): void {
    const extents = this.extents.get(driveId);
    if (!extents) return;
    const at = extents.findIndex((e) => e.volumeId === volumeId && e.offsetGiB === offsetGiB);
    if (at >= 0) extents.splice(at, 1);
    if (extents.length === 0) this.extents.delete(driveId);
    this.gapCache.delete(driveId);
  }

  /** Free gaps, free GiB and largest gap of an SSD with this many sliceable GiB. */
  gaps(driveId: string, capacityGiB: number): Gaps {
    const cached = this.gapCache.get(driveId);
    if (cached?.capacityGiB === capacityGiB) return cached;
    const gaps = freeGaps(this.on(driveId), capacityGiB);
    let freeGiB = 0;
    let largestGiB = 0;
    for (const gap of gaps) {
      freeGiB += gap.sizeGiB;
      largestGiB = Math.max(largestGiB, gap.sizeGiB);
    }
    const entry = { capacityGiB, gaps, freeGiB, largestGiB };
    this.gapCache.set(driveId, entry);
    return entry;
  }
}
