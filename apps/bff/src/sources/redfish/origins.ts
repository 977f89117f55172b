import { chassisOfPath } from './discovery.js';
import { pathKey } from './paging.js';
import type { EnclosureReading } from './read-enclosure.js';
import type { RedfishEvent } from './schemas.js';

/**
 * Which enclosures an event is about, from each record's OriginOfCondition: the chassis itself,
 * one of its drives (wherever the drive's resource lives), or a new resource under the chassis.
 * `rescan` when an origin is none of these (a rack, a system, an unknown drive): only a full
 * scan can say what changed.
 */
export function enclosuresOfEvent(
  event: RedfishEvent,
  readings: ReadonlyMap<string, EnclosureReading>,
  enclosureOfDrivePath: ReadonlyMap<string, string>,
): { enclosures: Set<string>; rescan: boolean } {
  const enclosures = new Set<string>();
  let rescan = false;
  for (const record of event.Events ?? []) {
    const origin = record.OriginOfCondition?.['@odata.id'];
    if (!origin) {
      rescan = true;
      continue;
    }
    const key = pathKey(origin);
    const enclosure = readings.has(key) ? key : (enclosureOfDrivePath.get(key) ?? chassisOfPath(key));
    if (enclosure && readings.has(enclosure)) enclosures.add(enclosure);
    else rescan = true;
  }
  return { enclosures, rescan };
}
