import type { DomainEvent, Volume, VolumeHealth, VolumeMember } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { assertNever } from '../../inventory/inventory.js';
import { volumeEvent } from './transition.js';

/** Members grouped by stripe set, in set order: copies of one set mirror each other. */
export function membersBySet<M extends Pick<VolumeMember, 'set'>>(members: readonly M[]): Map<number, M[]> {
  const sets = new Map<number, M[]>();
  for (const member of members) {
    const set = sets.get(member.set);
    if (set) set.push(member);
    else sets.set(member.set, [member]);
  }
  return sets;
}

/**
 * A volume's health from its members alone. failed: some set has no active copy (the data is
 * gone or unreachable). degraded: a copy is failed with no rebuild under way. rebuilding: every
 * missing copy is being rebuilt. A failed copy outranks a rebuild elsewhere because it still
 * needs someone to act; showing "rebuilding" would hide it.
 */
export function healthOf(members: readonly VolumeMember[]): VolumeHealth {
  for (const set of membersBySet(members).values())
    if (!set.some((member) => member.state === 'active')) return 'failed';
  if (members.some((member) => member.state === 'failed')) return 'degraded';
  if (members.some((member) => member.state === 'rebuilding')) return 'rebuilding';
  return 'healthy';
}

/** Which members are not active, for event messages ("drv-a (set 0, copy 1) failed"). */
export function describeTrouble(members: readonly VolumeMember[]): string {
  return members
    .filter((member) => member.state !== 'active')
    .map((member) => `${member.driveId} (set ${member.set}, copy ${member.copy}) ${member.state}`)
    .join(', ');
}

/**
 * The event a health transition raises; none when health did not change. Entering rebuilding
 * from degraded raises nothing here: RebuildStarted already says so.
 */
export function healthEvents(before: VolumeHealth, after: Volume, context: DecisionContext): DomainEvent[] {
  if (before === after.health) return [];
  const trouble = describeTrouble(after.members);
  switch (after.health) {
    case 'failed':
      return [
        volumeEvent(
          context,
          after,
          'VolumeFailed',
          'critical',
          `Volume ${after.name} failed: a stripe set has no active copy (${trouble})`,
        ),
      ];
    case 'degraded':
      return [
        volumeEvent(
          context,
          after,
          'VolumeDegraded',
          'warning',
          `Volume ${after.name} is degraded (was ${before}): ${trouble}`,
        ),
      ];
    case 'healthy':
      return [
        volumeEvent(
          context,
          after,
          'VolumeRecovered',
          'info',
          `Volume ${after.name} is healthy again (was ${before})`,
        ),
      ];
    case 'rebuilding':
      if (before !== 'failed') return [];
      return [
        volumeEvent(
          context,
          after,
          'VolumeRecovered',
          'warning',
          `Volume ${after.name} is no longer failed: every set has an active copy; rebuilding ${trouble}`,
        ),
      ];
    default:
      return assertNever(after.health);
  }
}
