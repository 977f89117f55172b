import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { StatusIcon, WarningIcon } from '../../../shared/components/StatusIcon';
import { useNow } from '../../../shared/hooks/useNow';
import type { StatusTone } from '../../../shared/model/volumeLabels';
import { layoutSummary, type MirrorSet, membersBySet } from '../model/membersBySet';
import { MemberBox } from './MemberBox';

const SET_TONES: Record<MirrorSet['state'], StatusTone> = {
  healthy: 'ok',
  degraded: 'degraded',
  rebuilding: 'rebuilding',
  lost: 'failed',
};

/** One column per mirror set, one box per copy; failure-domain sharing is called out. */
export function LayoutDiagram({ volume }: { volume: Volume }) {
  const sets = useMemo(() => membersBySet(volume), [volume]);
  const now = useNow();
  const single = volume.layout === 'single';
  return (
    <section className="layout" aria-labelledby="layout-heading">
      <h2 id="layout-heading">Layout</h2>
      <p className="layout-summary">{layoutSummary(volume, sets)}</p>
      <ol className="layout-sets" aria-label="Mirror sets">
        {sets.map((set) => {
          const kinds = new Set(set.warnings.map((w) => w.kind));
          const sharedGroup = kinds.has('shared-storage-group') || kinds.has('shared-enclosure');
          return (
            <li
              key={set.set}
              className="layout-set"
              aria-label={single ? 'Member' : `Set ${set.set}`}
              data-set={set.set}
              data-set-state={set.state}
              data-at-risk={set.warnings.length > 0 || undefined}
            >
              <h3 className="layout-set-title">
                <span>{single ? 'Member' : `Set ${set.set}`}</span>
                <span className="layout-set-state">
                  <StatusIcon tone={SET_TONES[set.state]} /> {set.state}
                </span>
              </h3>
              <ul className="layout-copies">
                {set.copies.map((member) => (
                  <MemberBox
                    key={`${member.copy}-${member.driveId}`}
                    member={member}
                    sharesEnclosure={kinds.has('shared-enclosure')}
                    sharesStorageGroup={sharedGroup}
                    now={now}
                  />
                ))}
              </ul>
              {set.warnings.map((warning) => (
                <p key={warning.kind} className="layout-warning" data-warning={warning.kind}>
                  <WarningIcon /> {warning.text}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
