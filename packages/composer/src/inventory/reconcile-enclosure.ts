import type { Drive, EnclosureReport } from '@drivebay/api-types';
import { type Decision, type DecisionContext, type EventDraft, sameRecord, stampEvent } from './decision.js';
import type { Inventory, InventoryChange } from './inventory.js';

/**
 * Turns what a hardware source reports about one enclosure into store changes and events:
 * state transitions, drives added, removed, replaced (a new serial in a known bay) and health
 * changes. Reporting the same thing twice decides nothing.
 */
export function reconcileEnclosure(
  inventory: Inventory,
  report: EnclosureReport,
  context: DecisionContext,
): Decision {
  const changes: InventoryChange[] = [];
  const drafts: EventDraft[] = [];
  const { enclosure } = report;
  const previous = inventory.enclosures.get(enclosure.id);
  if (!previous || !sameRecord(previous, enclosure)) {
    changes.push({ kind: 'enclosure', op: 'put', value: enclosure });
  }
  if (previous?.state === 'offline' && enclosure.state === 'online') {
    drafts.push({
      type: 'EnclosureOnline',
      severity: 'info',
      subject: { kind: 'enclosure', id: enclosure.id },
      message: `Enclosure ${enclosure.name} is back online`,
    });
  }
  const known = new Map(inventory.drivesIn(enclosure.id).map((d) => [d.bay, d]));
  const reported = new Set<number>();
  for (const drive of report.drives) {
    reported.add(drive.bay);
    reconcileBay(known.get(drive.bay), drive, changes, drafts);
  }
  for (const [bay, gone] of known) {
    if (reported.has(bay)) continue;
    changes.push({ kind: 'drive', op: 'delete', id: gone.id });
    drafts.push({
      type: 'DriveRemoved',
      severity: 'warning',
      subject: { kind: 'drive', id: gone.id },
      message: `Drive ${gone.serial} removed from ${enclosure.name} bay ${bay}`,
    });
  }
  return { changes, events: drafts.map((draft) => stampEvent(context, draft)) };
}

function reconcileBay(
  previous: Drive | undefined,
  drive: Drive,
  changes: InventoryChange[],
  drafts: EventDraft[],
): void {
  if (previous && sameRecord(previous, drive)) return;
  const subject = { kind: 'drive' as const, id: drive.id };
  const where = `${drive.enclosure} bay ${drive.bay}`;
  if (previous && previous.id !== drive.id) {
    changes.push({ kind: 'drive', op: 'delete', id: previous.id });
    changes.push({ kind: 'drive', op: 'put', value: drive });
    drafts.push({
      type: 'DriveReplaced',
      severity: 'info',
      subject,
      message: `Drive ${previous.serial} in ${where} replaced by ${drive.serial}`,
    });
    return;
  }
  changes.push({ kind: 'drive', op: 'put', value: drive });
  if (!previous) {
    drafts.push({
      type: 'DriveAdded',
      severity: 'info',
      subject,
      message: `Drive ${drive.serial} added in ${where}`,
    });
    return;
  }
  if (previous.health === drive.health) return;
  drafts.push(healthEvent(previous, drive, where));
}

function healthEvent(previous: Drive, drive: Drive, where: string): EventDraft {
  const subject = { kind: 'drive' as const, id: drive.id };
  if (drive.health === 'failed') {
    return {
      type: 'DriveFailed',
      severity: 'critical',
      subject,
      message: `Drive ${drive.serial} in ${where} failed`,
    };
  }
  return {
    type: 'DriveHealthChanged',
    severity: drive.health === 'ok' ? 'info' : 'warning',
    subject,
    message: `Drive ${drive.serial} in ${where}: ${previous.health} → ${drive.health}`,
  };
}
