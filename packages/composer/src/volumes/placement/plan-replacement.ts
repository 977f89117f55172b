import type { Enclosure } from '@drivebay/api-types';
import type { Inventory } from '../../inventory/inventory.js';
import { type CompositionError, fail, ok, type PlannedMember, type Result, type Volume } from '../types.js';
import type { AllocationIndex } from './allocation-index.js';
import { filterCandidates } from './candidate-filters.js';
import { CandidateIndex } from './candidate-index.js';
import type { Enforced } from './diagnose.js';
import { Balance, type MemberSource } from './member-source.js';
import { type Anchor, pickPartner } from './pick-members.js';
import { passesFor } from './place-layout.js';
import { sliceSource } from './slice-source.js';
import { freeGroups, wholeDriveSource } from './whole-source.js';

/**
 * A new member to rebuild `volume.members[memberIndex]` onto. It meets the volume's original
 * request (media, tags, rpm, transports, storage groups; a whole drive at least the member's
 * share of the capacity, a slice of the same size on another SSD) and the failure-domain rules
 * against the surviving copy of its mirror set: another storage group / enclosure when required
 * (tried anyway when not), and behind another bandwidth domain when softDomains=false.
 */
export function planReplacement(
  site: Inventory,
  allocations: AllocationIndex,
  volume: Volume,
  memberIndex: number,
): Result<PlannedMember> {
  const member = volume.members[memberIndex];
  if (!member) {
    return fail(
      'INVALID_ARGUMENT',
      `volume ${volume.id} has no member ${memberIndex} (it has ${volume.members.length})`,
    );
  }
  const partner = volume.members.find(
    (m, i) => i !== memberIndex && m.set === member.set && m.copy !== member.copy,
  );
  if (!partner) {
    return fail(
      'FAILED_PRECONDITION',
      `member ${memberIndex} of ${volume.id} (${volume.layout}) has no mirror copy to rebuild from`,
    );
  }
  if (partner.state === 'failed') {
    return fail(
      'FAILED_PRECONDITION',
      `the mirror copy of member ${memberIndex} (on ${partner.driveId}) has failed too: nothing to rebuild from`,
    );
  }
  const params = volume.request.parameters;
  const index = CandidateIndex.of(site);
  const groups = filterCandidates(index, volume.media, params, []);
  if (!groups.ok) return groups;
  const anchor: Anchor = {
    id: partner.enclosureId,
    storageGroup: partner.storageGroup,
    bandwidthDomain: site.enclosures.get(partner.enclosureId)?.bandwidthDomain ?? '',
  };
  const sets = new Set(volume.members.map((m) => m.set)).size;
  const makeSource = (): MemberSource => {
    const balance = new Balance(index, allocations);
    if (member.slice) {
      const exclude = new Set(volume.members.map((m) => m.driveId));
      return sliceSource({
        index,
        allocations,
        balance,
        groups: groups.value,
        sizeGiB: member.slice.sizeGiB,
        exclude,
      });
    }
    const floorBytes = Math.ceil(volume.capacityBytes / sets);
    const free = freeGroups(index, allocations, groups.value);
    return wholeDriveSource({ index, allocations, balance, media: volume.media, groups: free, floorBytes });
  };
  for (const rules of passesFor(params, true)) {
    const found = pickPartner(makeSource(), anchor, rules);
    if (!found) continue;
    const { drive, enclosure, slice } = found.candidate;
    const { set, copy } = member;
    return ok({
      driveId: drive.id,
      enclosureId: enclosure.id,
      storageGroup: enclosure.storageGroup,
      ...(slice ? { slice: { ...slice } } : {}),
      set,
      copy,
    });
  }
  const lenient = passesFor(params, true).at(-1)!;
  return { ok: false, error: explainShortage(makeSource(), anchor, lenient) };
}

/** Which rule leaves no candidate: the filters, sgResiliency, jbodResiliency or softDomains. */
function explainShortage(source: MemberSource, anchor: Anchor, rules: Enforced): CompositionError {
  const available = source.availability().filter((a) => a.count > 0);
  const fits = (keep: (e: Enclosure) => boolean) => available.some((a) => keep(a.enclosure));
  const exhausted = (message: string, field: string): CompositionError => ({
    code: 'RESOURCE_EXHAUSTED',
    message,
    field,
  });
  if (available.length === 0)
    return exhausted(`capacity: no ${source.what} pass the volume's filters`, 'capacityBytes');
  // The surviving copy's failure domains come first: they are what a rebuild must get away from.
  if (rules.sg && !fits((e) => e.storageGroup !== anchor.storageGroup)) {
    const message = `sgResiliency: all ${source.what} left are in storage group ${anchor.storageGroup}, with the surviving copy`;
    return exhausted(message, 'parameters.sgResiliency');
  }
  if (rules.jbod && !fits((e) => e.id !== anchor.id)) {
    const message = `jbodResiliency: all ${source.what} left are in enclosure ${anchor.id}, with the surviving copy`;
    return exhausted(message, 'parameters.jbodResiliency');
  }
  const message = `softDomains=false: all ${source.what} that meet the failure-domain rules sit behind bandwidth domain ${anchor.bandwidthDomain}, with the surviving copy`;
  return exhausted(message, 'parameters.softDomains');
}
