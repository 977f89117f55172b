import { chassisOfPath } from './discovery.js';
import { pathKey } from './paging.js';
import type { EnclosureReading } from './read-enclosure.js';
import type { RedfishEvent } from './schemas.js';

/**
 * Which enclosures an event is about, from each record's OriginOfCondition: the chassis itself,
 * one of its drives (wherever the drive's resource lives), or a new resource under the chassis.
 * A known drive that changed is named in `drives` (its enclosure's other drives need no reading);
 * the rest in `enclosures`, to be read whole. `rescan` when an origin is none of these (a rack,
 * a system, an unknown drive): only a full scan can say what changed.
 */
export function enclosuresOfEvent(
  event: RedfishEvent,
  readings: ReadonlyMap<string, EnclosureReading>,
  enclosureOfDrivePath: ReadonlyMap<string, string>,
): { enclosures: Set<string>; drives: Map<string, Set<string>>; rescan: boolean } {
  const enclosures = new Set<string>();
  const drives = new Map<string, Set<string>>();
  let rescan = false;
  for (const record of event.Events ?? []) {
    const origin = record.OriginOfCondition?.['@odata.id'];
    if (!origin) {
      rescan = true;
      continue;
    }
    const key = pathKey(origin);
    const ofDrive = enclosureOfDrivePath.get(key);
    // A drive added or removed changes what the enclosure holds: only reading it whole says what.
    if (ofDrive && readings.has(ofDrive) && !/ResourceAdded|ResourceRemoved/.test(record.MessageId ?? '')) {
      drives.set(ofDrive, (drives.get(ofDrive) ?? new Set()).add(key));
      continue;
    }
    const enclosure = readings.has(key) ? key : (ofDrive ?? chassisOfPath(key));
    if (enclosure && readings.has(enclosure)) enclosures.add(enclosure);
    else rescan = true;
  }
  return { enclosures, drives, rescan };
}
