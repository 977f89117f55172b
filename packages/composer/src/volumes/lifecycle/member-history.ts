import type { MemberChange, Volume, VolumeMember } from '@drivebay/api-types';

/** How many member changes a volume keeps: enough for an incident and its aftermath. */
export const MEMBER_HISTORY_LIMIT = 20;

/** The volume's history with `changes` appended, the oldest beyond the limit dropped. */
export function withMemberChanges(volume: Volume, changes: readonly MemberChange[]): Volume['memberHistory'] {
  if (changes.length === 0) return volume.memberHistory;
  return [...(volume.memberHistory ?? []), ...changes].slice(-MEMBER_HISTORY_LIMIT);
}

/** The changes between two member lists of one volume, seen at `at`: copies that failed. */
export function failures(
  before: readonly VolumeMember[],
  after: readonly VolumeMember[],
  at: string,
): MemberChange[] {
  return after.flatMap((member, i) =>
    member.state === 'failed' && before[i]?.state !== 'failed'
      ? [{ at, kind: 'failed' as const, set: member.set, copy: member.copy, driveId: member.driveId }]
      : [],
  );
}
