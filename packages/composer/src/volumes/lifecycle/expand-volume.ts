import { GIB, type Volume } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { fail, ok, type PlannedMember, type Result } from '../types.js';
import { membersBySet } from './health.js';
import { changedTo, formatBytes, released, type Transition, unchanged } from './transition.js';

/**
 * CSI ControllerExpandVolume for slice volumes, online in any lifecycle state but Released:
 * placement grows each slice in place and this records it. Sizes round up to whole GiB, so asking
 * again for the current size is idempotent and asking for less is OUT_OF_RANGE. The volume's
 * request stays the CreateVolume request, so a retried CreateVolume still matches it.
 */
export function expandVolume(
  volume: Volume,
  members: PlannedMember[],
  newCapacityBytes: number,
  context: DecisionContext,
): Result<Transition> {
  if (!Number.isSafeInteger(newCapacityBytes) || newCapacityBytes <= 0)
    return fail(
      'INVALID_ARGUMENT',
      `capacityBytes must be a positive whole number, not ${newCapacityBytes}`,
      'capacityBytes',
    );
  if (volume.request.parameters.type !== 'slice')
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is made of whole ${volume.media} drives; only slice volumes grow online`,
    );
  if (volume.lifecycle === 'Released') return fail('FAILED_PRECONDITION', released(volume, 'expanded'));
  const target = Math.ceil(newCapacityBytes / GIB) * GIB;
  if (target < volume.capacityBytes)
    return fail(
      'OUT_OF_RANGE',
      `volume ${volume.id} has ${formatBytes(volume.capacityBytes)}; volumes never shrink (asked ${formatBytes(target)})`,
      'capacityBytes',
    );
  const max = volume.request.parameters.maxVolumeSize;
  if (max !== undefined && newCapacityBytes > max)
    return fail(
      'OUT_OF_RANGE',
      `the StorageClass allows at most ${formatBytes(max)} per volume`,
      'capacityBytes',
    );
  if (target === volume.capacityBytes) return ok(unchanged(volume));
  if (volume.health !== 'healthy')
    return fail(
      'FAILED_PRECONDITION',
      `volume ${volume.id} is ${volume.health}; expand it once every copy is active again, so a rebuild never copies a moving size`,
    );
  const mismatch = checkGrown(volume, members, target);
  if (mismatch) return mismatch;
  const grown = volume.members.map((member, i) => ({ ...member, slice: members[i]!.slice }));
  return ok(
    changedTo(
      volume,
      { members: grown, capacityBytes: target },
      context,
      'VolumeExpanded',
      `Volume ${volume.name} expanded online from ${formatBytes(volume.capacityBytes)} to ${formatBytes(target)} (${volume.lifecycle})`,
    ),
  );
}

/** The grown slices must be the volume's own slices, in place and in order, and hold the target. */
function checkGrown(volume: Volume, members: PlannedMember[], target: number): Result<never> | null {
  if (members.length !== volume.members.length)
    return fail(
      'INVALID_ARGUMENT',
      `expected ${volume.members.length} grown slices, got ${members.length}`,
      'members',
    );
  for (const [i, member] of volume.members.entries()) {
    const grown = members[i]!;
    const same =
      grown.driveId === member.driveId &&
      grown.set === member.set &&
      grown.copy === member.copy &&
      grown.slice !== undefined &&
      grown.slice.offsetGiB === member.slice?.offsetGiB &&
      grown.slice.sizeGiB >= member.slice.sizeGiB;
    if (!same)
      return fail(
        'INVALID_ARGUMENT',
        `grown slice ${i} must be slice ${member.slice?.offsetGiB} GiB on ${member.driveId} (set ${member.set} copy ${member.copy}), no smaller`,
        'members',
      );
  }
  let usable = 0;
  for (const set of membersBySet(members).values())
    usable += Math.min(...set.map((m) => (m.slice?.sizeGiB ?? 0) * GIB));
  if (usable < target)
    return fail(
      'INVALID_ARGUMENT',
      `the grown slices hold ${formatBytes(usable)}; ${formatBytes(target)} needed`,
      'members',
    );
  return null;
}
