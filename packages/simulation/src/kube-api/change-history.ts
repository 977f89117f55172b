import { objectKey } from './object-meta.js';
import type { ResourceName } from './resources.js';
import type { KubeObject, StoreChange } from './types.js';

/** What a read from before the retained history gets: the point up to which history is gone. */
export interface Compacted {
  compactedTo: number;
}

/**
 * The bounded log of committed changes, like etcd's history behind a compaction point: every change
 * after `compactedTo` is kept, anything at or before it is gone and reads from there expire.
 */
export class ChangeHistory {
  private entries: StoreChange[] = [];
  private compactedRv = 0;

  constructor(private readonly limit: number) {}

  /** Every resourceVersion at or below this has been compacted away. */
  get compactedTo(): number {
    return this.compactedRv;
  }

  /** Records a change; the oldest falls out once the bound is reached, moving the compaction point. */
  append(change: StoreChange): void {
    this.entries.push(change);
    if (this.entries.length <= this.limit) return;
    const dropped = this.entries.splice(0, this.entries.length - this.limit);
    this.compactedRv = dropped[dropped.length - 1]!.rv;
  }

  /** Forgets every change at or before `rv`. */
  compact(rv: number): void {
    if (rv <= this.compactedRv) return;
    this.compactedRv = rv;
    this.entries = this.entries.filter((entry) => entry.rv > rv);
  }

  /** The changes after `rv`, oldest first, or Compacted if some of them are gone. */
  since(rv: number): StoreChange[] | Compacted {
    if (rv < this.compactedRv) return { compactedTo: this.compactedRv };
    const first = this.firstAfter(rv);
    return this.entries.slice(first);
  }

  // Entries are in rv order, so a binary search keeps resuming cheap with a long history.
  private firstAfter(rv: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entries[mid]!.rv <= rv) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** True when a history read hit the compaction point. */
export function isCompacted<T>(value: T[] | Compacted): value is Compacted {
  return !Array.isArray(value);
}

/** The objects of one kind as they were before `later` (changes in rv order) happened to `current`. */
export function rewind(current: KubeObject[], later: StoreChange[], resource: ResourceName): KubeObject[] {
  const state = new Map(current.map((o) => [objectKey(o.metadata.namespace, o.metadata.name), o]));
  for (const change of [...later].reverse()) {
    if (change.resource !== resource) continue;
    const key = objectKey(change.object.metadata.namespace, change.object.metadata.name);
    if (change.previous) state.set(key, change.previous);
    else state.delete(key);
  }
  return [...state.values()].sort((a, b) => {
    const ka = objectKey(a.metadata.namespace, a.metadata.name);
    const kb = objectKey(b.metadata.namespace, b.metadata.name);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
