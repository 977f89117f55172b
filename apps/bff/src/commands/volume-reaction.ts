import type { Drive, Enclosure, Volume } from '@drivebay/api-types';
import { type Decision, type DecisionContext, reactToSiteChanges, type SiteView } from '@drivebay/composer';
import { putRecord } from '../state/collections.js';
import type { StoreMirror } from '../state/mirror.js';
import type { InventoryReaction } from './ingest.js';

/**
 * What a hardware change means for volumes, decided in the same transaction as the change:
 * a failed or unreachable drive degrades or fails every volume with a member on it.
 */
export function volumeReaction(mirror: StoreMirror): InventoryReaction {
  return (decision: Decision, context: DecisionContext) => {
    const drives = new Map<string, Drive | undefined>();
    const enclosures = new Map<string, Enclosure | undefined>();
    for (const change of decision.changes) {
      if (change.kind === 'drive') drives.set(change.op === 'put' ? change.value.id : change.id, put(change));
      if (change.kind === 'enclosure')
        enclosures.set(change.op === 'put' ? change.value.id : change.id, put(change));
    }
    if (drives.size === 0 && enclosures.size === 0) return { writes: [], events: [] };
    const { inventory, volumes } = mirror;
    // The site as it will be once the hardware change commits.
    const site: SiteView = {
      drive: (id) => (drives.has(id) ? drives.get(id) : inventory.drives.get(id)),
      enclosure: (id) => (enclosures.has(id) ? enclosures.get(id) : inventory.enclosures.get(id)),
      server: (id) => inventory.servers.get(id),
    };
    const lookup = {
      onDrive: (id: string) => volumes.onDrive(id),
      inEnclosure: (id: string): Volume[] => inventory.drivesIn(id).flatMap((d) => volumes.onDrive(d.id)),
    };
    const reaction = reactToSiteChanges(
      lookup,
      new Set(drives.keys()),
      new Set(enclosures.keys()),
      site,
      context,
    );
    return {
      writes: reaction.volumes.map((volume) => putRecord('volumes', volume.id, volume)),
      events: reaction.events,
    };
  };
}

function put<T>(change: { op: 'put'; value: T } | { op: 'delete' }): T | undefined {
  return change.op === 'put' ? change.value : undefined;
}
