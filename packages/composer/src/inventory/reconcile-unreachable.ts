import type { Decision, DecisionContext } from './decision.js';
import { stampEvent } from './decision.js';
import type { Inventory, InventoryChange } from './inventory.js';

/**
 * An enclosure the hardware source can no longer reach: it goes offline and so does every
 * drive in it (their true health is unknown until the enclosure reports again).
 */
export function reconcileUnreachable(
  inventory: Inventory,
  enclosureId: string,
  context: DecisionContext,
): Decision {
  const enclosure = inventory.enclosures.get(enclosureId);
  if (!enclosure || enclosure.state === 'offline') return { changes: [], events: [] };
  const changes: InventoryChange[] = [
    { kind: 'enclosure', op: 'put', value: { ...enclosure, state: 'offline' } },
  ];
  for (const drive of inventory.drivesIn(enclosureId)) {
    if (drive.health !== 'offline')
      changes.push({ kind: 'drive', op: 'put', value: { ...drive, health: 'offline' } });
  }
  const event = stampEvent(context, {
    type: 'EnclosureOffline',
    severity: 'critical',
    subject: { kind: 'enclosure', id: enclosureId },
    message: `Enclosure ${enclosure.name} is offline: ${changes.length - 1} drives unreachable`,
  });
  return { changes, events: [event] };
}
