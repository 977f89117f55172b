import { GIB } from '@drivebay/api-types';
import type { Inventory } from '../../inventory/inventory.js';
import { fail, ok, type PlannedMember, type Result, type Volume } from '../types.js';
import type { AllocationIndex } from './allocation-index.js';
import { formatBytes, formatGiB } from './format.js';
import { roundUpToGiB, sliceableGiB } from './slice-extents.js';

/**
 * The members of a slice volume grown online to `newCapacityBytes` (rounded up to whole GiB).
 * Each slice grows in place, into the free GiB that follow it on its SSD; when that room is
 * taken, the answer is RESOURCE_EXHAUSTED rather than a relocation, because moving a slice is a
 * data copy (a rebuild onto a new slice), not an online resize. Growing to the current size is
 * a no-op (idempotent); shrinking is OUT_OF_RANGE; whole-drive volumes are INVALID_ARGUMENT.
 */
export function planExpansion(
  site: Inventory,
  allocations: AllocationIndex,
  volume: Volume,
  newCapacityBytes: number,
): Result<PlannedMember[]> {
  const params = volume.request.parameters;
  if (params.type !== 'slice' || volume.members.some((m) => !m.slice)) {
    const what = `${volume.layout} over whole ${volume.media.toUpperCase()}s`;
    return fail('INVALID_ARGUMENT', `only slice volumes can grow; ${volume.id} is ${what}`, 'capacityBytes');
  }
  if (newCapacityBytes < volume.capacityBytes) {
    const message = `shrinking is not supported: ${volume.id} holds ${formatBytes(volume.capacityBytes)}, ${formatBytes(newCapacityBytes)} requested`;
    return fail('OUT_OF_RANGE', message, 'capacityBytes');
  }
  if (params.maxVolumeSize !== undefined && newCapacityBytes > params.maxVolumeSize) {
    const message = `maxVolumeSize: ${formatBytes(newCapacityBytes)} requested, at most ${formatBytes(params.maxVolumeSize)} allowed`;
    return fail('OUT_OF_RANGE', message, 'parameters.maxVolumeSize');
  }
  const sizeGiB = roundUpToGiB(newCapacityBytes);
  const grown: PlannedMember[] = [];
  for (const [i, member] of volume.members.entries()) {
    const { state: _state, rebuild: _rebuild, ...planned } = member;
    const slice = member.slice!;
    if (sizeGiB <= slice.sizeGiB) {
      grown.push(planned);
      continue;
    }
    if (member.state !== 'active') {
      return fail(
        'FAILED_PRECONDITION',
        `member ${i} of ${volume.id} is ${member.state}; grow after its rebuild completes`,
      );
    }
    const drive = site.drives.get(member.driveId);
    const enclosure = drive && site.enclosures.get(drive.enclosure);
    if (drive?.health !== 'ok' || enclosure?.state !== 'online') {
      return fail(
        'FAILED_PRECONDITION',
        `member ${i} of ${volume.id}: SSD ${member.driveId} is not healthy and online`,
      );
    }
    const end = slice.offsetGiB + sizeGiB;
    // Extents never overlap, so the first one starting after this slice's offset bounds its growth.
    const next = allocations.slicesOn(member.driveId).find((e) => e.offsetGiB > slice.offsetGiB);
    const limit = next ? next.offsetGiB : sliceableGiB(drive.capacityBytes);
    if (end > limit) {
      const blocker = next
        ? `the slice of ${next.volumeId} starts at ${formatGiB(next.offsetGiB)}`
        : 'the SSD ends there';
      const message =
        `member ${i}: the slice on ${member.driveId} at ${formatGiB(slice.offsetGiB)} can grow in place to ` +
        `${formatGiB(limit - slice.offsetGiB)} at most (${blocker}); ${formatGiB(sizeGiB)} needed, and slices are not relocated`;
      return fail('RESOURCE_EXHAUSTED', message, 'capacityBytes');
    }
    grown.push({ ...planned, slice: { offsetGiB: slice.offsetGiB, sizeGiB } });
  }
  return ok(grown);
}

/** The capacity a slice volume has once grown to `newCapacityBytes`: whole GiB. */
export function expandedCapacityBytes(newCapacityBytes: number): number {
  return roundUpToGiB(newCapacityBytes) * GIB;
}
