import type { Volume, VolumeMember } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { fail, ok, type PlannedMember, type Result } from '../types.js';
import { healthEvents, healthOf } from './health.js';
import { withMemberChanges } from './member-history.js';
import { bytesToCopy, checkRate, etaFor, formatRate, type RebuildRate } from './rebuild-rate.js';
import { formatBytes, type Transition, unchanged, volumeEvent } from './transition.js';

/**
 * Starts rebuilding a failed member onto a replacement chosen by placement (planReplacement),
 * which may be the member's own drive for a resync in place. The set must keep an active copy
 * to copy from. Repeating the call with the same replacement is idempotent.
 */
export function startRebuild(
  volume: Volume,
  memberIndex: number,
  replacement: PlannedMember,
  context: DecisionContext & RebuildRate,
): Result<Transition> {
  const rate = checkRate(context.bytesPerSecond);
  if (!rate.ok) return rate;
  const member = volume.members[memberIndex];
  if (!member)
    return fail('INVALID_ARGUMENT', `volume ${volume.id} has no member ${memberIndex}`, 'memberIndex');
  if (member.state === 'rebuilding' && samePlace(member, replacement)) return ok(unchanged(volume));
  if (member.state !== 'failed')
    return fail(
      'FAILED_PRECONDITION',
      `member ${memberIndex} of volume ${volume.id} (${member.driveId}) is ${member.state}; only a failed member is rebuilt`,
    );
  const mismatch = checkReplacement(volume, memberIndex, member, replacement);
  if (mismatch) return mismatch;
  const source = volume.members.find((m) => m.set === member.set && m.state === 'active');
  if (!source)
    return fail(
      'FAILED_PRECONDITION',
      `set ${member.set} of volume ${volume.id} has no active copy to rebuild from; bring its drives back online`,
    );
  const bytes = bytesToCopy(volume);
  const rebuilt: VolumeMember = {
    ...placeOf(replacement),
    state: 'rebuilding',
    rebuild: { progress: 0, startedAt: context.now, eta: etaFor(context.now, 0, bytes, rate.value) },
  };
  const members = volume.members.map((m, i) => (i === memberIndex ? rebuilt : m));
  const memberHistory = withMemberChanges(volume, [
    {
      at: context.now,
      kind: 'replacing',
      set: member.set,
      copy: member.copy,
      driveId: member.driveId,
      replacementDriveId: replacement.driveId,
    },
  ]);
  const next: Volume = {
    ...volume,
    members,
    memberHistory,
    health: healthOf(members),
    updatedAt: context.now,
  };
  const started = volumeEvent(
    context,
    next,
    'RebuildStarted',
    'info',
    `Rebuild of volume ${volume.name} set ${member.set} copy ${member.copy} started: ${member.driveId} → ` +
      `${replacement.driveId}, ${formatBytes(bytes)} from ${source.driveId} at ${formatRate(rate.value)}, ETA ${rebuilt.rebuild?.eta}`,
  );
  return ok({
    volume: next,
    events: [started, ...healthEvents(volume.health, next, context)],
    changed: true,
  });
}

function checkReplacement(
  volume: Volume,
  memberIndex: number,
  member: VolumeMember,
  replacement: PlannedMember,
): Result<never> | null {
  if (replacement.set !== member.set || replacement.copy !== member.copy)
    return fail(
      'INVALID_ARGUMENT',
      `the replacement is for set ${replacement.set} copy ${replacement.copy}, but member ${memberIndex} is set ${member.set} copy ${member.copy}`,
      'replacement',
    );
  if ((member.slice === undefined) !== (replacement.slice === undefined))
    return fail(
      'INVALID_ARGUMENT',
      'a slice must be replaced by a slice and a whole drive by a whole drive',
      'replacement.slice',
    );
  if (member.slice && replacement.slice && replacement.slice.sizeGiB < member.slice.sizeGiB)
    return fail(
      'INVALID_ARGUMENT',
      `the replacement slice has ${replacement.slice.sizeGiB} GiB; the member needs ${member.slice.sizeGiB} GiB`,
      'replacement.slice',
    );
  const clash = volume.members.find((m, i) => i !== memberIndex && m.driveId === replacement.driveId);
  if (clash)
    return fail(
      'INVALID_ARGUMENT',
      `drive ${replacement.driveId} already holds set ${clash.set} copy ${clash.copy} of volume ${volume.id}`,
      'replacement.driveId',
    );
  return null;
}

/** Only where a member lives, dropping any state a caller's object might carry. */
function placeOf(member: PlannedMember): PlannedMember {
  const { driveId, enclosureId, storageGroup, slice, set, copy } = member;
  return { driveId, enclosureId, storageGroup, ...(slice ? { slice } : {}), set, copy };
}

function samePlace(member: VolumeMember, replacement: PlannedMember): boolean {
  return (
    member.driveId === replacement.driveId &&
    member.set === replacement.set &&
    member.copy === replacement.copy &&
    member.slice?.offsetGiB === replacement.slice?.offsetGiB &&
    member.slice?.sizeGiB === replacement.slice?.sizeGiB
  );
}
