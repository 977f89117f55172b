import type { Inventory } from '../../../inventory/inventory.js';
import type { PlannedMember, Volume } from '../../types.js';
import type { AllocationIndex } from '../allocation-index.js';
import { capacityByTier } from '../capacity-by-tier.js';
import { overlaps, roundUpToGiB, sliceableGiB } from '../slice-extents.js';

/**
 * What must hold of any placed volume and of the allocations as a whole; the property tests
 * check these after every step. Each returns the violations it finds, empty when sound.
 */

/** A volume meets its request: media, filters, layout shape, slice geometry, required resiliency. */
export function volumeViolations(
  site: Inventory,
  volume: Pick<Volume, 'request' | 'layout' | 'media' | 'capacityBytes'> & {
    members: readonly PlannedMember[];
  },
): string[] {
  const problems: string[] = [];
  const p = volume.request.parameters;
  const size = volume.request.capacityBytes;
  if (volume.capacityBytes < size) problems.push(`capacity ${volume.capacityBytes} < requested ${size}`);
  const sets = new Set(volume.members.map((m) => m.set)).size;
  const shape = { single: [1, 1], raid1: [1, 2], raid10: [sets, 2 * sets] }[volume.layout];
  if (sets !== shape[0] || volume.members.length !== shape[1])
    problems.push(`${volume.layout} with ${volume.members.length} members`);
  if (volume.layout === 'raid10' && (volume.members.length > p.raidMaxDrives || sets < 2))
    problems.push('raid10 outside raidMaxDrives');
  if ((volume.layout === 'raid1') !== p.redundancy && volume.layout !== 'raid10')
    problems.push(`layout ${volume.layout} with redundancy=${p.redundancy}`);
  const drives = new Set<string>();
  for (const m of volume.members) {
    const drive = site.drives.get(m.driveId);
    const enclosure = site.enclosures.get(m.enclosureId);
    if (!drive || !enclosure) {
      problems.push(`member on unknown ${m.driveId}`);
      continue;
    }
    if (drives.has(m.driveId)) problems.push(`${m.driveId} used twice in one volume`);
    drives.add(m.driveId);
    if (drive.enclosure !== m.enclosureId || enclosure.storageGroup !== m.storageGroup)
      problems.push(`${m.driveId} misplaced`);
    if (drive.media !== volume.media || (p.type === 'hdd') !== (drive.media === 'hdd'))
      problems.push(`${m.driveId} has the wrong media`);
    if (p.type === 'hdd' && p.rpm !== undefined && drive.rpm < p.rpm)
      problems.push(`${m.driveId} spins too slowly`);
    if (!p.requiredTags.every((t) => drive.tags.includes(t)))
      problems.push(`${m.driveId} lacks a required tag`);
    if (p.excludedTags.some((t) => drive.tags.includes(t))) problems.push(`${m.driveId} has an excluded tag`);
    if (p.storageGroup.length > 0 && !p.storageGroup.includes(enclosure.storageGroup))
      problems.push(`${m.driveId} outside storageGroup`);
    const transports = p.networkTransportsAllowed;
    if (transports.length > 0 && !enclosure.transports.some((t) => transports.includes(t)))
      problems.push(`${m.driveId} speaks no allowed transport`);
    if ((p.type === 'slice') !== (m.slice !== undefined))
      problems.push(`${m.driveId}: slice presence does not match type`);
    if (m.slice) {
      if (m.slice.sizeGiB !== roundUpToGiB(size))
        problems.push(`slice of ${m.slice.sizeGiB} GiB for ${size} bytes`);
      if (m.slice.offsetGiB + m.slice.sizeGiB > sliceableGiB(drive.capacityBytes))
        problems.push('slice past the end');
    } else if (drive.capacityBytes < volume.capacityBytes / sets) {
      problems.push(`${m.driveId} smaller than its share`);
    }
  }
  for (const [a, b] of pairs(volume.members)) {
    if (p.sgResiliency && a.storageGroup === b.storageGroup)
      problems.push(`set ${a.set}: copies share storage group`);
    if (p.jbodResiliency && a.enclosureId === b.enclosureId)
      problems.push(`set ${a.set}: copies share an enclosure`);
    const domainOf = (m: typeof a) => site.enclosures.get(m.enclosureId)?.bandwidthDomain;
    if (!p.softDomains && domainOf(a) === domainOf(b))
      problems.push(`set ${a.set}: copies share a bandwidth domain`);
  }
  return problems;
}

/** No drive held whole and sliced; extents sorted, whole-GiB, inside the SSD, never overlapping; tiers add up. */
export function allocationViolations(site: Inventory, allocations: AllocationIndex): string[] {
  const problems: string[] = [];
  for (const drive of site.drives.values()) {
    const extents = allocations.slicesOn(drive.id);
    if (extents.length > 0 && allocations.wholeOwner(drive.id) !== undefined)
      problems.push(`${drive.id} whole and sliced`);
    if (extents.length > 0 && drive.media === 'hdd') problems.push(`HDD ${drive.id} sliced`);
    extents.forEach((e, i) => {
      if (!Number.isInteger(e.offsetGiB) || !Number.isInteger(e.sizeGiB) || e.sizeGiB < 1)
        problems.push(`${drive.id}: misaligned extent`);
      if (e.offsetGiB + e.sizeGiB > sliceableGiB(drive.capacityBytes))
        problems.push(`${drive.id}: extent past the end`);
      const next = extents[i + 1];
      if (next && (next.offsetGiB < e.offsetGiB || overlaps(e, next)))
        problems.push(`${drive.id}: extents overlap`);
    });
  }
  const tiers = capacityByTier(site, allocations);
  let total = 0;
  for (const [name, t] of Object.entries(tiers)) {
    total += t.totalBytes;
    if (t.usedBytes + t.freeBytes + t.strandedBytes !== t.totalBytes)
      problems.push(`${name} does not add up`);
    if (t.usedBytes < 0 || t.freeBytes < 0 || t.strandedBytes < 0) problems.push(`${name} negative`);
  }
  let raw = 0;
  for (const drive of site.drives.values()) raw += drive.capacityBytes;
  if (total !== raw) problems.push(`tiers hold ${total} of ${raw} bytes`);
  return problems;
}

function pairs(members: readonly PlannedMember[]): [PlannedMember, PlannedMember][] {
  const bySet = new Map<number, PlannedMember[]>();
  for (const m of members) bySet.set(m.set, [...(bySet.get(m.set) ?? []), m]);
  return [...bySet.values()].filter((s) => s.length === 2).map((s) => [s[0]!, s[1]!]);
}
