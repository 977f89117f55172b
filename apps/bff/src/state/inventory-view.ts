import { Inventory, type InventoryChange } from '@drivebay/composer';
import type { TypedChange } from './collections.js';
import type { MirroredView } from './mirror.js';

/** The composer's inventory index, kept current from the inventory collections. */
export class InventoryView extends Inventory implements MirroredView {
  mirror(typed: TypedChange): void {
    const change = toInventoryChange(typed);
    if (change) this.apply(change);
  }

  heldIds(): Iterable<string> {
    return [];
  }
}

/** A stored change as the inventory change the composer applies. */
function toInventoryChange({ name, change }: TypedChange): InventoryChange | undefined {
  switch (name) {
    case 'site':
      // The site is replaced, never deleted.
      return change.type === 'put' ? { kind: 'site', op: 'put', value: change.value } : undefined;
    case 'racks':
      return change.type === 'put'
        ? { kind: 'rack', op: 'put', value: change.value }
        : { kind: 'rack', op: 'delete', id: change.id };
    case 'enclosures':
      return change.type === 'put'
        ? { kind: 'enclosure', op: 'put', value: change.value }
        : { kind: 'enclosure', op: 'delete', id: change.id };
    case 'drives':
      return change.type === 'put'
        ? { kind: 'drive', op: 'put', value: change.value }
        : { kind: 'drive', op: 'delete', id: change.id };
    case 'servers':
      return change.type === 'put'
        ? { kind: 'server', op: 'put', value: change.value }
        : { kind: 'server', op: 'delete', id: change.id };
    default:
      return undefined;
  }
}
