import type { InventoryReport } from '@drivebay/api-types';
import { type Decision, type DecisionContext, sameRecord, stampEvent } from './decision.js';
import type { Inventory, InventoryChange } from './inventory.js';

/**
 * A full inventory from a hardware source (first discovery, or a rescan): everything that
 * differs is written, everything no longer reported is deleted. Per-drive events are not
 * raised here; one summary event says what was discovered.
 */
export function reconcileInventory(
  inventory: Inventory,
  report: InventoryReport,
  context: DecisionContext,
): Decision {
  const changes: InventoryChange[] = [];
  if (!inventory.site || !sameRecord(inventory.site, report.site)) {
    changes.push({ kind: 'site', op: 'put', value: report.site });
  }
  diff(inventory.racks, report.racks, changes, {
    put: (value) => ({ kind: 'rack', op: 'put', value }),
    remove: (id) => ({ kind: 'rack', op: 'delete', id }),
  });
  const enclosures = report.enclosures.map((e) => e.enclosure);
  diff(inventory.enclosures, enclosures, changes, {
    put: (value) => ({ kind: 'enclosure', op: 'put', value }),
    remove: (id) => ({ kind: 'enclosure', op: 'delete', id }),
  });
  const drives = report.enclosures.flatMap((e) => e.drives);
  diff(inventory.drives, drives, changes, {
    put: (value) => ({ kind: 'drive', op: 'put', value }),
    remove: (id) => ({ kind: 'drive', op: 'delete', id }),
  });
  diff(inventory.servers, report.servers, changes, {
    put: (value) => ({ kind: 'server', op: 'put', value }),
    remove: (id) => ({ kind: 'server', op: 'delete', id }),
  });
  if (changes.length === 0) return { changes, events: [] };
  const driveCount = report.enclosures.reduce((n, e) => n + e.drives.length, 0);
  const event = stampEvent(context, {
    type: 'InventoryDiscovered',
    severity: 'info',
    subject: { kind: 'site', id: report.site.id },
    message:
      `Inventory of ${report.site.name}: ${report.racks.length} racks, ${report.enclosures.length} enclosures, ` +
      `${driveCount} drives, ${report.servers.length} servers (${changes.length} changes)`,
  });
  return { changes, events: [event] };
}

interface ChangeMakers<T> {
  put(value: T): InventoryChange;
  remove(id: string): InventoryChange;
}

/** Appends a put for every new or different record and a delete for every one not reported. */
function diff<T extends { id: string }>(
  current: ReadonlyMap<string, T>,
  reported: readonly T[],
  changes: InventoryChange[],
  make: ChangeMakers<T>,
): void {
  const seen = new Set<string>();
  for (const value of reported) {
    seen.add(value.id);
    const previous = current.get(value.id);
    if (!previous || !sameRecord(previous, value)) changes.push(make.put(value));
  }
  for (const id of current.keys()) {
    if (!seen.has(id)) changes.push(make.remove(id));
  }
}
