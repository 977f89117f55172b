import type { Locate } from '@drivebay/api-types';
import type { TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/** The lit locate LEDs, by their record id (`drive/<id>`, `enclosure/<id>`). */
export class LocateView implements MirroredView {
  readonly byId = new Map<string, Locate>();

  mirror({ name, change }: TypedChange): void {
    if (name !== 'locates') return;
    if (change.type === 'put') this.byId.set(change.id, change.value);
    else this.byId.delete(change.id);
  }

  heldIds(): Iterable<string> {
    return [];
  }

  /** Sorted by id, so snapshots at one revision are byte for byte the same. */
  all(): Locate[] {
    return [...this.byId.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, locate]) => locate);
  }
}
