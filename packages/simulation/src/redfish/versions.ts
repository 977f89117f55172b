import type { SimulatedSite } from '../site/simulated-site.js';
import type { SiteChange } from '../site/site-change.js';
import { chassisPath, drivePath, drivesPath, systemPath } from './paths.js';

/**
 * When each resource last changed, as a sequence number; ETags are built from these, so a
 * response's tag is the newest change of anything it includes (an expanded page included).
 * Resources never changed are at 0, the service's start; its boot id keeps tags of different
 * runs apart.
 */
export class ResourceVersions {
  private sequence = 0;
  private readonly changed = new Map<string, number>();

  of(path: string): number {
    return this.changed.get(path) ?? 0;
  }

  bump(paths: Iterable<string>): void {
    this.sequence++;
    for (const path of paths) this.changed.set(path, this.sequence);
  }
}

/** The resources whose representation a physical change alters. */
export function pathsChangedBy(change: SiteChange, site: SimulatedSite): string[] {
  switch (change.kind) {
    case 'drive-health':
      return [drivePath(change.drive.enclosure, change.drive.id)];
    case 'drive-replaced': {
      const enclosureId = change.added.enclosure;
      return [
        drivePath(enclosureId, change.removed.id),
        drivePath(enclosureId, change.added.id),
        drivesPath(enclosureId),
        chassisPath(enclosureId),
      ];
    }
    case 'enclosure-reachable': {
      // Its drives answer again (or stop answering): each of them changed for a client.
      const bays = site.findEnclosure(change.enclosureId)?.bays.values() ?? [];
      const drives = [...bays].map((d) => drivePath(change.enclosureId, d.id));
      return [chassisPath(change.enclosureId), drivesPath(change.enclosureId), ...drives];
    }
    case 'server-state':
      return [systemPath(change.server.id)];
    case 'locate': {
      const { enclosureId, driveId } = change.target;
      return [driveId ? drivePath(enclosureId, driveId) : chassisPath(enclosureId)];
    }
  }
}
