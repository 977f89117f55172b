import type { FaultRequest, FaultResult } from '@drivebay/api-types';
import type { Inventory } from '@drivebay/composer';

/** How long a fault's answer waits for the hardware source to report it. */
const SETTLE_MS = 15_000;
const POLL_MS = 10;

/**
 * Whether the stored inventory shows what `fault` did: the drive in its new health (or its
 * enclosure unreachable, which hides it), the new drive in the bay, the enclosure or server in its
 * new state. A storm has no single end state.
 */
export function faultVisible(inventory: Inventory, fault: FaultRequest, result: FaultResult): boolean {
  switch (fault.kind) {
    case 'drive-fail':
    case 'drive-degrade': {
      const drive = inventory.drives.get(fault.driveId);
      const wanted = fault.kind === 'drive-fail' ? 'failed' : 'degraded';
      return !drive || drive.health === wanted || drive.health === 'offline';
    }
    case 'drive-replace':
      return result.newDriveId !== undefined && inventory.drives.has(result.newDriveId);
    case 'enclosure-offline':
    case 'enclosure-online':
      return (
        inventory.enclosures.get(fault.enclosureId)?.state ===
        (fault.kind === 'enclosure-online' ? 'online' : 'offline')
      );
    case 'server-down':
    case 'server-up':
      return inventory.servers.get(fault.serverId)?.state === (fault.kind === 'server-up' ? 'up' : 'down');
    case 'drive-storm':
      return true;
  }
}

/**
 * Waits until the mirror shows the fault's effect and answers the revision it did, as an
 * in-process site's synchronous report would; after SETTLE_MS it answers the revision now (the
 * source may be down: the fault happened, its report is late).
 */
export async function settleFault(
  mirror: { inventory: Inventory; revision: number },
  fault: FaultRequest,
  result: FaultResult,
): Promise<FaultResult> {
  const deadline = Date.now() + SETTLE_MS;
  while (!faultVisible(mirror.inventory, fault, result) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  return { ...result, revision: fault.kind === 'drive-storm' ? 0 : mirror.revision };
}
