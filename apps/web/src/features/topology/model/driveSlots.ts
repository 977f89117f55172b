/**
 * Append-only registry of drive id -> slot in `TopologyModel.drives`.
 *
 * Every model derived from one snapshot shares the registry, which is what keeps a delta
 * O(1): a new drive takes the next slot instead of rebuilding an id index. A slot, once given
 * to an id, is never given to another, so an older model reading the registry still finds
 * either its own drive or nothing (its array is shorter, or holds `undefined` there).
 */
export class DriveSlots {
  readonly #slots = new Map<string, number>();

  /** Slot of `id`, or undefined if no model from this snapshot ever held that drive. */
  get(id: string): number | undefined {
    return this.#slots.get(id);
  }

  /** Slot of `id`, assigning the next free one the first time the id is seen. */
  assign(id: string): number {
    const existing = this.#slots.get(id);
    if (existing !== undefined) return existing;
    const slot = this.#slots.size;
    this.#slots.set(id, slot);
    return slot;
  }

  /** Number of slots handed out so far. */
  get size(): number {
    return this.#slots.size;
  }
}
