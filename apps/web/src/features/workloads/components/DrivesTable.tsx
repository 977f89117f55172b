import type { ChainDrive } from '@drivebay/api-types';
import { bayLabel, sliceLabel, sortChainDrives } from '../model/describeChain';
import { driveStatus, memberStatus } from '../model/kubeStatus';
import { StatusText } from './StatusText';

/** Where a volume's data lives: each member's drive, its bay and its state. */
export function DrivesTable({ drives, volumeName }: { drives: readonly ChainDrive[]; volumeName: string }) {
  if (drives.length === 0) return <p className="muted">The volume lists no drives.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table kube-drives" aria-label={`Drives of volume ${volumeName}`}>
        <thead>
          <tr>
            <th scope="col">Set / copy</th>
            <th scope="col">Drive</th>
            <th scope="col">Serial</th>
            <th scope="col">Media</th>
            <th scope="col">Drive health</th>
            <th scope="col">Enclosure</th>
            <th scope="col" className="cell-number">
              Bay
            </th>
            <th scope="col">Storage group</th>
            <th scope="col">Extent</th>
            <th scope="col">Member state</th>
          </tr>
        </thead>
        <tbody>
          {sortChainDrives(drives).map((drive) => (
            <tr
              key={`${drive.set}/${drive.copy}/${drive.driveId}`}
              data-drive-id={drive.driveId}
              data-member-state={drive.memberState}
              data-health={drive.health ?? 'missing'}
            >
              <td>
                {drive.set} / {drive.copy}
              </td>
              <td>
                <code>{drive.driveId}</code>
              </td>
              <td>{drive.serial ?? <span className="muted">unknown</span>}</td>
              <td>{drive.media ? drive.media.toUpperCase() : <span className="muted">unknown</span>}</td>
              <td>
                <StatusText status={driveStatus(drive.health)} />
              </td>
              <td>{drive.enclosureId}</td>
              <td className="cell-number">{bayLabel(drive.bay)}</td>
              <td>{drive.storageGroup}</td>
              <td>{sliceLabel(drive.slice)}</td>
              <td>
                <StatusText status={memberStatus(drive.memberState)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
