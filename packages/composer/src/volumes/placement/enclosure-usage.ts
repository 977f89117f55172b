const NO_DRIVES: ReadonlySet<string> = new Set();

/**
 * Per enclosure and storage group: bytes held (for least-used-first balancing) and which drives
 * are touched (held whole or sliced), with a stamp that changes whenever an enclosure's touched
 * set does, so that per-enclosure counts can be cached by whoever reads them.
 */
export class EnclosureUsage {
  private readonly usedByEnclosure = new Map<string, number>();
  private readonly usedByGroup = new Map<string, number>();
  private readonly touched = new Map<string, Set<string>>();
  private readonly stamps = new Map<string, number>();
  private clock = 0;

  /** Adds (or, negative, removes) bytes held in an enclosure of a storage group. */
  addBytes(enclosureId: string, storageGroup: string, bytes: number): void {
    addTo(this.usedByEnclosure, enclosureId, bytes);
    addTo(this.usedByGroup, storageGroup, bytes);
  }

  /** Records whether a drive of the enclosure is now touched. */
  setTouched(enclosureId: string, driveId: string, isTouched: boolean): void {
    let touched = this.touched.get(enclosureId);
    if (!touched) {
      touched = new Set();
      this.touched.set(enclosureId, touched);
    }
    if (isTouched === touched.has(driveId)) return;
    if (isTouched) touched.add(driveId);
    else touched.delete(driveId);
    this.clock += 1;
    this.stamps.set(enclosureId, this.clock);
  }

  /** Bytes held in an enclosure. */
  enclosureBytes(enclosureId: string): number {
    return this.usedByEnclosure.get(enclosureId) ?? 0;
  }

  /** Bytes held in a storage group. */
  groupBytes(storageGroup: string): number {
    return this.usedByGroup.get(storageGroup) ?? 0;
  }

  /** Touched drives of an enclosure. */
  touchedIn(enclosureId: string): ReadonlySet<string> {
    return this.touched.get(enclosureId) ?? NO_DRIVES;
  }

  /** The enclosure's stamp: 0 if never touched. */
  stampOf(enclosureId: string): number {
    return this.stamps.get(enclosureId) ?? 0;
  }
}

function addTo(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}
