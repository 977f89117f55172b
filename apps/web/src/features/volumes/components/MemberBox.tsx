import type { VolumeMember } from '@drivebay/api-types';
import { Link } from 'react-router';
import { StatusIcon, WarningIcon } from '../../../shared/components/StatusIcon';
import { formatSliceExtent } from '../../../shared/format/bytes';
import { formatTimestamp } from '../../../shared/format/time';
import { memberTone } from '../../../shared/model/volumeLabels';
import { RebuildProgress } from './RebuildProgress';

interface MemberBoxProps {
  member: VolumeMember;
  /** Another copy of the same set sits in this member's enclosure / storage group. */
  sharesEnclosure: boolean;
  sharesStorageGroup: boolean;
  now: number;
}

/** One copy in the layout diagram: where it lives, its state, and its rebuild. */
export function MemberBox({ member, sharesEnclosure, sharesStorageGroup, now }: MemberBoxProps) {
  return (
    <li
      className="member"
      aria-label={`Set ${member.set} copy ${member.copy}: drive ${member.driveId}, ${member.state}`}
      data-drive-id={member.driveId}
      data-set={member.set}
      data-copy={member.copy}
      data-member-state={member.state}
    >
      <p className="member-title">
        <span>Copy {member.copy}</span>
        <span className="member-state">
          <StatusIcon tone={memberTone(member.state)} /> {member.state}
        </span>
      </p>
      <dl className="member-facts">
        <dt>Drive</dt>
        <dd>
          <Link to={`/topology?drive=${encodeURIComponent(member.driveId)}`}>{member.driveId}</Link>
        </dd>
        <dt>Enclosure</dt>
        <dd data-shared={sharesEnclosure || undefined}>
          {member.enclosureId}
          {sharesEnclosure && <SharedMark />}
        </dd>
        <dt>Storage group</dt>
        <dd data-shared={sharesStorageGroup || undefined}>
          {member.storageGroup}
          {sharesStorageGroup && <SharedMark />}
        </dd>
        {member.slice && (
          <>
            <dt>Slice</dt>
            <dd>{formatSliceExtent(member.slice)}</dd>
          </>
        )}
        {member.state === 'failed' && member.failedAt && (
          <>
            <dt>Failed</dt>
            <dd>{formatTimestamp(member.failedAt)}</dd>
          </>
        )}
      </dl>
      <RebuildProgress member={member} now={now} />
    </li>
  );
}

function SharedMark() {
  return (
    <span className="shared-mark">
      {' '}
      <WarningIcon /> shared
    </span>
  );
}
