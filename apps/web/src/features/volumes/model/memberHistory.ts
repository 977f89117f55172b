import type { Volume } from '@drivebay/api-types';
import { formatTimestamp } from '../../../shared/format/time';
import { describeRebuild } from './describeRebuild';

/** One line of a volume's member history, newest first. */
export interface MemberHistoryRow {
  readonly key: string;
  readonly at: string;
  readonly kind: 'failed' | 'replacing' | 'rebuilt';
  /** "set 0, copy 1". */
  readonly place: string;
  readonly driveId: string;
  readonly replacementDriveId?: string;
  /** What happened, in words; for a rebuild still running, with its progress now. */
  readonly text: string;
}

/**
 * The volume's member changes as an operator reads them: which drive failed and when, what it is
 * rebuilt onto and how far that has come, when the copy was whole again.
 */
export function memberHistoryRows(volume: Volume, now: number): MemberHistoryRow[] {
  const history = volume.memberHistory ?? [];
  return history
    .map((change, index): MemberHistoryRow => {
      const place = `set ${change.set}, copy ${change.copy}`;
      const base = {
        key: `${index}-${change.at}`,
        at: change.at,
        kind: change.kind,
        place,
        driveId: change.driveId,
      };
      switch (change.kind) {
        case 'failed':
          return { ...base, text: `drive ${change.driveId} failed; the copy on it is lost` };
        case 'replacing': {
          const member = volume.members.find(
            (m) => m.driveId === change.replacementDriveId && m.set === change.set && m.copy === change.copy,
          );
          const progress =
            member?.rebuild && member.state !== 'active'
              ? `: ${describeRebuild(member.rebuild, now, member.state === 'rebuilding')}`
              : member?.state === 'active'
                ? ': done'
                : '';
          return {
            ...base,
            ...(change.replacementDriveId && { replacementDriveId: change.replacementDriveId }),
            text: `rebuilding from the other copy onto drive ${change.replacementDriveId ?? 'a replacement'}${progress}`,
          };
        }
        default:
          // 'rebuilt'
          return { ...base, text: `copy whole again on drive ${change.driveId}` };
      }
    })
    .reverse();
}

/** "08:59 UTC" for today's rows is what the console shows elsewhere; a full stamp keeps days apart. */
export const historyTime = (iso: string) => formatTimestamp(iso);
