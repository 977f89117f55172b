import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DetailList } from '../../../shared/components/DetailList';
import { StatusIcon } from '../../../shared/components/StatusIcon';
import { useVolumeList } from '../../volumes';
import { describeEnclosure } from '../details/driveDetails';
import { enclosureContents } from '../model/enclosureContents';
import type { TopologyModel } from '../model/topologyModel';
import { EnclosureHardwareSource } from './EnclosureHardwareSource';
import { EnclosureWorkloads } from './EnclosureWorkloads';
import { LocateControl } from './LocateControl';

interface EnclosurePanelProps {
  model: TopologyModel;
  enclosureId: string;
  onSelectDrive: (id: string) => void;
  onClose: () => void;
}

const NONE: readonly Volume[] = [];
const ALL = {};
const HEALTHS = ['failed', 'offline', 'degraded', 'ok'] as const;
/** Enough to jump to the first few; the map shows them all. */
const UNHEALTHY_SHOWN = 8;

/** The selected enclosure: its details, drives by health, the volumes using it; live. */
export function EnclosurePanel({ model, enclosureId, onSelectDrive, onClose }: EnclosurePanelProps) {
  const enclosure = model.enclosures.get(enclosureId);
  const volumes = useVolumeList(ALL).data ?? NONE;
  const contents = useMemo(
    () => enclosureContents(model, enclosureId, volumes),
    [model, enclosureId, volumes],
  );
  return (
    <aside
      className="drive-panel"
      aria-label={`Enclosure ${enclosureId}`}
      data-state={enclosure?.state ?? 'unknown'}
    >
      <div className="drive-panel-header">
        <h2>{enclosure ? enclosure.name : `Enclosure ${enclosureId}`}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close enclosure details">
          ✕
        </button>
      </div>
      {!enclosure ? (
        <p>This enclosure is not in the current topology; it may have been removed.</p>
      ) : (
        <>
          {enclosure.state === 'offline' && (
            <p className="attention attention--alert">Offline: every drive in it is unreachable.</p>
          )}
          <DetailList rows={describeEnclosure(model, enclosure)} />
          <LocateControl model={model} kind="enclosure" id={enclosureId} />
          <h3>Drives</h3>
          <ul className="card-list">
            {HEALTHS.map((health) => (
              <li key={health} data-health={health}>
                <StatusIcon tone={health} /> {health} <strong>{contents.byHealth[health]}</strong>
              </li>
            ))}
          </ul>
          {contents.unhealthy.length > 0 && (
            <ul className="enclosure-unhealthy">
              {contents.unhealthy.slice(0, UNHEALTHY_SHOWN).map((drive) => (
                <li key={drive.id}>
                  <button type="button" className="link-button" onClick={() => onSelectDrive(drive.id)}>
                    Bay {drive.bay}: {drive.id}
                  </button>{' '}
                  {drive.health}
                </li>
              ))}
              {contents.unhealthy.length > UNHEALTHY_SHOWN && (
                <li className="card-note">and {contents.unhealthy.length - UNHEALTHY_SHOWN} more</li>
              )}
            </ul>
          )}
          <h3>Volumes using it ({contents.volumes.length})</h3>
          {contents.volumes.length === 0 ? (
            <p className="card-note">No volume has a member here.</p>
          ) : (
            <ul className="enclosure-volumes">
              {contents.volumes.slice(0, 100).map(({ volume, membersHere }) => (
                <li key={volume.id}>
                  <Link to={`/volumes/${encodeURIComponent(volume.id)}`}>{volume.name}</Link> {volume.health}{' '}
                  · {membersHere} member{membersHere === 1 ? '' : 's'} here
                </li>
              ))}
            </ul>
          )}
          <EnclosureWorkloads model={model} enclosureId={enclosureId} />
          <EnclosureHardwareSource enclosureId={enclosureId} />
        </>
      )}
      <p className="drive-panel-hint">Press Esc to close.</p>
    </aside>
  );
}
