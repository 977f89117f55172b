import type { DomainEvent, Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import type { SiteView } from '../types.js';
import { evaluateHealth } from './evaluate-health.js';

/**
 * The caller's index of volumes by where their members sit, so a hardware change costs the
 * volumes it touches, not the site's. The BFF's VolumeView answers `onDrive`; `inEnclosure` can
 * be `drivesIn(enclosure)` flat-mapped through `onDrive`, or an index of its own.
 */
export interface VolumeLookup {
  /** Volumes with a member on the drive. */
  onDrive(driveId: string): Iterable<Volume>;
  /** Volumes with a member in the enclosure. */
  inEnclosure(enclosureId: string): Iterable<Volume>;
}

/** The volumes whose health changed, and the events those changes raised. */
export interface SiteReaction {
  volumes: Volume[];
  events: DomainEvent[];
}

/**
 * Re-evaluates the health of every volume on the changed drives and enclosures, each once, in
 * id order so that the events come out the same whatever order the changes arrived in.
 */
export function reactToSiteChanges(
  lookup: VolumeLookup,
  changedDriveIds: ReadonlySet<string>,
  changedEnclosureIds: ReadonlySet<string>,
  site: SiteView,
  context: DecisionContext,
): SiteReaction {
  const affected = new Map<string, Volume>();
  for (const driveId of changedDriveIds) for (const v of lookup.onDrive(driveId)) affected.set(v.id, v);
  for (const enclosureId of changedEnclosureIds)
    for (const v of lookup.inEnclosure(enclosureId)) affected.set(v.id, v);
  const reaction: SiteReaction = { volumes: [], events: [] };
  for (const id of [...affected.keys()].sort()) {
    const result = evaluateHealth(affected.get(id)!, site, context);
    if (!result.changed) continue;
    reaction.volumes.push(result.volume);
    reaction.events.push(...result.events);
  }
  return reaction;
}

/** A VolumeLookup over a plain collection, for tests and callers without an index of their own. */
export function indexVolumes(volumes: Iterable<Volume>): VolumeLookup {
  const byDrive = new Map<string, Volume[]>();
  const byEnclosure = new Map<string, Volume[]>();
  const add = (map: Map<string, Volume[]>, key: string, volume: Volume) => {
    const list = map.get(key) ?? [];
    if (!list.includes(volume)) list.push(volume);
    map.set(key, list);
  };
  for (const volume of volumes)
    for (const member of volume.members) {
      add(byDrive, member.driveId, volume);
      add(byEnclosure, member.enclosureId, volume);
    }
  return {
    onDrive: (driveId) => byDrive.get(driveId) ?? [],
    inEnclosure: (enclosureId) => byEnclosure.get(enclosureId) ?? [],
  };
}
