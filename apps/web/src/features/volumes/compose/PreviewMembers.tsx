import type { VolumeMember } from '@drivebay/api-types';
import { formatSliceExtent } from '../../../shared/format/bytes';

/** The drives (or slices) the dry run chose, by set and copy. */
export function PreviewMembers({ members }: { members: readonly VolumeMember[] }) {
  const slices = members.some((m) => m.slice);
  return (
    <div className="table-scroll">
      <table className="data-table preview-members">
        <caption className="visually-hidden">Members that would be used</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Copy</th>
            <th scope="col">Drive</th>
            <th scope="col">Enclosure</th>
            <th scope="col">Storage group</th>
            {slices && <th scope="col">Slice</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={`${member.set}-${member.copy}-${member.driveId}`}>
              <td>{member.set}</td>
              <td>{member.copy}</td>
              <td>{member.driveId}</td>
              <td>{member.enclosureId}</td>
              <td>{member.storageGroup}</td>
              {slices && <td>{member.slice ? formatSliceExtent(member.slice) : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
