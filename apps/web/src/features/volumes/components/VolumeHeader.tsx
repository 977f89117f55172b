import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DetailList } from '../../../shared/components/DetailList';
import { WarningIcon } from '../../../shared/components/StatusIcon';
import { VolumeHealthBadge } from '../../../shared/components/VolumeHealthBadge';
import { plural } from '../../../shared/format/count';
import { DeleteVolumeButton } from '../compose/DeleteVolumeButton';
import { describeVolume, healthSentence } from '../model/describeVolume';
import { membersBySet, setsAtRisk } from '../model/membersBySet';
import { claimPath, claimTitle } from '../model/volumeBinding';

/** Name, health in words, what it means for the data, and the volume's facts. */
export function VolumeHeader({ volume }: { volume: Volume }) {
  const atRisk = useMemo(() => setsAtRisk(membersBySet(volume)), [volume]);
  const unhealthy = volume.health !== 'healthy';
  return (
    <header className="volume-header">
      <p className="breadcrumb">
        <Link to="/volumes">← Volumes</Link>
      </p>
      <div className="volume-title">
        <h1>Volume {volume.name}</h1>
        <VolumeHealthBadge health={volume.health} badge />
        <div className="volume-actions">
          <DeleteVolumeButton volume={volume} />
        </div>
      </div>
      {volume.binding && (
        <p className="volume-claim" title={claimTitle(volume)}>
          PVC{' '}
          <Link to={claimPath(volume.binding)}>{`${volume.binding.namespace}/${volume.binding.claim}`}</Link>
          {volume.binding.workload && ` · ${volume.binding.workload}`} · cluster {volume.binding.cluster}
        </p>
      )}
      <p
        className={unhealthy ? 'attention attention--alert volume-health-sentence' : 'volume-health-sentence'}
        data-health={volume.health}
      >
        {healthSentence(volume)}
      </p>
      {atRisk > 0 && (
        <p className="layout-warning" data-warning="failure-domain">
          <WarningIcon /> {plural(atRisk, 'mirror set')} {atRisk === 1 ? 'has' : 'have'} both copies in one
          failure domain; see the layout below.
        </p>
      )}
      <DetailList rows={describeVolume(volume)} />
    </header>
  );
}
