import type { Volume, VolumeMember } from '@drivebay/api-types';
import type { DecisionContext } from '../../inventory/decision.js';
import { sameRecord } from '../../inventory/decision.js';
import type { SiteView } from '../types.js';
import { healthEvents, healthOf, membersBySet } from './health.js';
import { failures, withMemberChanges } from './member-history.js';
import { isReachable } from './reachability.js';
import { type Transition, unchanged } from './transition.js';

/**
 * Re-derives member states and volume health from the site. An unreachable member fails; a
 * rebuild fails with its target, or with its last source. A failed member never becomes active
 * again on its own while its set has an active copy: it missed writes and must be rebuilt (the
 * replacement may be the same drive). Only a set with no active copy left takes back its copy
 * that failed last, which holds the newest data. Events on health transitions only.
 */
export function evaluateHealth(volume: Volume, site: SiteView, context: DecisionContext): Transition {
  const members = volume.members.map((member) => failIfUnreachable(member, site, context.now));
  const positions = membersBySet(members.map((member, index) => ({ set: member.set, index })));
  for (const set of positions.values()) {
    const indexes = set.map((p) => p.index);
    recoverSet(members, indexes, site, context.now);
  }
  const health = healthOf(members);
  if (health === volume.health && sameRecord(members, volume.members)) return unchanged(volume);
  const memberHistory = withMemberChanges(volume, failures(volume.members, members, context.now));
  const next: Volume = {
    ...volume,
    members,
    health,
    updatedAt: context.now,
    ...(memberHistory && { memberHistory }),
  };
  return { volume: next, events: healthEvents(volume.health, next, context), changed: true };
}

function failIfUnreachable(member: VolumeMember, site: SiteView, now: string): VolumeMember {
  if (member.state === 'failed' || isReachable(member, site)) return member;
  // A rebuilding member keeps its rebuild record: it marks the copy as partial.
  return { ...member, state: 'failed', failedAt: now };
}

/** A set without an active copy: void its rebuilds (no source), then take back its freshest copy. */
function recoverSet(members: VolumeMember[], indexes: number[], site: SiteView, now: string): void {
  const at = (i: number): VolumeMember => members[i]!;
  if (indexes.some((i) => at(i).state === 'active')) return;
  for (const i of indexes)
    if (at(i).state === 'rebuilding') members[i] = { ...at(i), state: 'failed', failedAt: now };
  // A copy whose rebuild stopped holds partial data: never a candidate.
  const whole = indexes.filter((i) => at(i).rebuild === undefined);
  const failedAt = (i: number) => Date.parse(at(i).failedAt ?? '1970-01-01T00:00:00.000Z');
  const newest = Math.max(...whole.map(failedAt));
  const freshest = whole
    .filter((i) => failedAt(i) === newest && isReachable(at(i), site))
    .sort((a, b) => at(a).copy - at(b).copy)[0];
  if (freshest === undefined) return;
  const { failedAt: _stale, ...revived } = at(freshest);
  members[freshest] = { ...revived, state: 'active' };
}
