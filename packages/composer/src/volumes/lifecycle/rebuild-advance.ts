import type { DomainEvent, MemberChange, Volume, VolumeMember } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { healthEvents, healthOf } from './health.js';
import { withMemberChanges } from './member-history.js';
import { bytesToCopy, etaFor, type RebuildRate } from './rebuild-rate.js';
import { type Transition, unchanged, volumeEvent } from './transition.js';

/** Progress is reported in tenths, so a long rebuild raises at most nine RebuildProgress events. */
const STEPS = 10;

/**
 * Moves every running rebuild forward to `context.now`: progress is the time since it started
 * times the rate over the bytes to copy, never going back if the rate drops. A finished member
 * becomes active and the volume's health is re-derived. A rate that is not positive pauses
 * rebuilds; so does a set that lost its last active copy (evaluateHealth voids those).
 */
export function advanceRebuilds(volume: Volume, context: DecisionContext & RebuildRate): Transition {
  const rate = context.bytesPerSecond;
  if (!Number.isFinite(rate) || rate <= 0) return unchanged(volume);
  const bytes = bytesToCopy(volume);
  const events: DomainEvent[] = [];
  const rebuilt: MemberChange[] = [];
  let changed = false;
  const members = volume.members.map((member) => {
    const rebuild = member.rebuild;
    if (member.state !== 'rebuilding' || !rebuild || !hasSource(volume, member.set)) return member;
    const elapsedSeconds = Math.max(0, Date.parse(context.now) - Date.parse(rebuild.startedAt)) / 1000;
    const copied = elapsedSeconds * rate;
    // Done once the last byte is copied (half a byte of slack for floating point); before that,
    // progress is floored to a millionth so that it never rounds up to done.
    const computed = copied + 0.5 >= bytes ? 1 : Math.floor((copied / bytes) * 1e6) / 1e6;
    const progress = Math.max(rebuild.progress, computed);
    const label = `Rebuild of volume ${volume.name} set ${member.set} copy ${member.copy} onto ${member.driveId}`;
    if (progress >= 1) {
      changed = true;
      events.push(volumeEvent(context, volume, 'RebuildCompleted', 'info', `${label} completed`));
      rebuilt.push({
        at: context.now,
        kind: 'rebuilt',
        set: member.set,
        copy: member.copy,
        driveId: member.driveId,
      });
      const { rebuild: _done, failedAt: _none, ...rest } = member;
      return { ...rest, state: 'active' as const };
    }
    const eta = etaFor(context.now, progress, bytes, rate);
    if (progress === rebuild.progress && eta === rebuild.eta) return member;
    changed = true;
    if (Math.floor(progress * STEPS) > Math.floor(rebuild.progress * STEPS))
      events.push(
        volumeEvent(
          context,
          volume,
          'RebuildProgress',
          'info',
          `${label}: ${Math.floor(progress * 100)}%, ETA ${eta}`,
        ),
      );
    return { ...member, rebuild: { ...rebuild, progress, eta } };
  });
  if (!changed) return unchanged(volume);
  const memberHistory = withMemberChanges(volume, rebuilt);
  const next: Volume = {
    ...volume,
    members,
    ...(memberHistory && { memberHistory }),
    health: healthOf(members),
    updatedAt: context.now,
  };
  return { volume: next, events: [...events, ...healthEvents(volume.health, next, context)], changed: true };
}

function hasSource(volume: Volume, set: number): boolean {
  return volume.members.some((m: VolumeMember) => m.set === set && m.state === 'active');
}
