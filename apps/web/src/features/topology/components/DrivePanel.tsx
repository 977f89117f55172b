import { DetailList } from '../../../shared/components/DetailList';
import { StatusIcon } from '../../../shared/components/StatusIcon';
import { describeDrive } from '../details/driveDetails';
import { driveById, type TopologyModel } from '../model/topologyModel';
import { DrivePods } from './DrivePods';
import { DriveVolumes } from './DriveVolumes';
import { LocateControl } from './LocateControl';

interface DrivePanelProps {
  model: TopologyModel;
  driveId: string;
  onClose: () => void;
}

/** Details of the selected drive; live, so a failure shows here the moment it happens. */
export function DrivePanel({ model, driveId, onClose }: DrivePanelProps) {
  const drive = driveById(model, driveId);
  return (
    <aside className="drive-panel" aria-label={`Drive ${driveId}`} data-health={drive?.health ?? 'unknown'}>
      <div className="drive-panel-header">
        <h2>Drive {driveId}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close drive details">
          ✕
        </button>
      </div>
      {drive ? (
        <>
          <p className="health-badge" data-health={drive.health}>
            <StatusIcon tone={drive.health} /> Health: {drive.health}
          </p>
          <DetailList rows={describeDrive(model, drive)} />
          <LocateControl model={model} kind="drive" id={driveId} />
        </>
      ) : (
        <p>
          This drive is not in the current topology. It may have been replaced or removed; use Find drive to
          look up its successor by serial.
        </p>
      )}
      <DriveVolumes driveId={driveId} />
      <DrivePods model={model} driveId={driveId} />
      <p className="drive-panel-hint">Press Esc to close.</p>
    </aside>
  );
}
