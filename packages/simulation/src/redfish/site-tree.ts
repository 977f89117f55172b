import type { Drive, Rack } from '@drivebay/api-types';
import type { SimulatedSite } from '../site/simulated-site.js';
import type { PhysicalEnclosure } from '../site/site-change.js';
import { unavailable } from './errors.js';
import type { IndicatorStyle } from './indicator.js';
import type { JsonObject } from './json.js';
import { CHASSIS, chassisPath, drivePath, drivesPath, SYSTEMS, systemPath } from './paths.js';
import type { Resource } from './resource.js';
import {
  chassisCollection,
  driveResource,
  drivesCollection,
  enclosureChassis,
  rackChassis,
  systemResource,
  systemsCollection,
} from './site-resources.js';
import type { ResourceVersions } from './versions.js';

/**
 * The site's part of the resource tree: Chassis (racks, then enclosures), each enclosure's
 * Drives, and Systems. Racks and enclosures never move, so their order and containment are
 * indexed once; everything else is read from the site on each request.
 */
export class SiteTree {
  private readonly chassisIds: string[];
  private readonly racks = new Map<string, Rack>();
  private readonly enclosuresOfRack = new Map<string, string[]>();

  constructor(
    private readonly site: SimulatedSite,
    private readonly versions: ResourceVersions,
    private readonly style: IndicatorStyle,
  ) {
    for (const rack of site.rackList()) {
      this.racks.set(rack.id, rack);
      this.enclosuresOfRack.set(rack.id, []);
    }
    const enclosureIds: string[] = [];
    for (const { enclosure } of site.enclosureList()) {
      enclosureIds.push(enclosure.id);
      this.enclosuresOfRack.get(enclosure.rack)?.push(enclosure.id);
    }
    this.chassisIds = [...site.rackList().map((r) => r.id), ...enclosureIds];
  }

  /** The resource at `segments` (the path after `/redfish/v1/`), if the site has it. */
  resolve(segments: readonly string[]): Resource | undefined {
    const [top, id, sub, subId, ...rest] = segments;
    if (rest.length > 0) return undefined;
    if (top === 'Chassis') return this.resolveChassis(id, sub, subId);
    if (top === 'Systems' && sub === undefined) return this.resolveSystem(id);
    return undefined;
  }

  private resolveChassis(id?: string, sub?: string, subId?: string): Resource | undefined {
    if (id === undefined) return this.at(CHASSIS, chassisCollection(this.chassisIds));
    const rack = this.racks.get(id);
    if (rack) {
      const contained = this.enclosuresOfRack.get(id) ?? [];
      return sub === undefined ? this.at(chassisPath(id), rackChassis(rack, contained)) : undefined;
    }
    const physical = this.site.findEnclosure(id);
    if (!physical) return undefined;
    if (sub === undefined)
      return this.at(chassisPath(id), enclosureChassis(physical, this.site.locateActive(id), this.style));
    if (sub !== 'Drives') return undefined;
    if (subId === undefined)
      return this.reachable(physical, drivesPath(id), () => drivesCollection(physical));
    const drive = driveIn(physical, subId);
    if (!drive) return undefined;
    return this.reachable(physical, drivePath(id, subId), () =>
      driveResource(drive, this.site.locateActive(subId), this.style),
    );
  }

  private resolveSystem(id?: string): Resource | undefined {
    if (id === undefined) return this.at(SYSTEMS, systemsCollection(this.site.serverList()));
    const server = this.site.findServer(id);
    return server ? this.at(systemPath(id), systemResource(server)) : undefined;
  }

  /** What sits behind an enclosure's controller answers only while the enclosure does. */
  private reachable(physical: PhysicalEnclosure, path: string, body: () => JsonObject): Resource {
    if (!physical.reachable) throw unavailable(`Enclosure ${physical.enclosure.id}`);
    return this.at(path, body());
  }

  private at(path: string, body: JsonObject): Resource {
    return { body, version: this.versions.of(path) };
  }
}

/** A drive by id among an enclosure's bays; a scan of at most ~100 without copying them. */
export function driveIn(physical: PhysicalEnclosure, driveId: string): Drive | undefined {
  for (const drive of physical.bays.values()) if (drive.id === driveId) return drive;
  return undefined;
}
