import type { VolumeMember } from '@drivebay/api-types';
import { describeRebuild } from '../model/describeRebuild';

interface RebuildProgressProps {
  member: VolumeMember;
  now: number;
}

/** A rebuild's progress bar and ETA; for a failed member, where its rebuild stopped. */
export function RebuildProgress({ member, now }: RebuildProgressProps) {
  const { rebuild } = member;
  if (!rebuild) return null;
  const running = member.state === 'rebuilding';
  const text = describeRebuild(rebuild, now, running);
  const percent = Math.floor(rebuild.progress * 100);
  return (
    <div className="rebuild" data-rebuild-progress={rebuild.progress} data-rebuild-running={running}>
      <progress
        className="rebuild-bar"
        max={100}
        value={percent}
        aria-label={`Rebuild of set ${member.set} copy ${member.copy}`}
        aria-valuetext={text}
      />
      <p className="rebuild-text">{text}</p>
    </div>
  );
}
