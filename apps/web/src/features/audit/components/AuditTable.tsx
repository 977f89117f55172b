import type { AuditRecord } from '@drivebay/api-types';
import { formatShortTimestamp } from '../../../shared/format/time';
import { AuditResultBadge } from './AuditResultBadge';

/** The records, newest first. */
export function AuditTable({ records }: { records: readonly AuditRecord[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table audit-table">
        <caption className="visually-hidden">Audit records, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Result</th>
            <th scope="col" className="cell-number">
              Status
            </th>
            <th scope="col" className="cell-detail">
              Detail
            </th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id} data-result={record.result}>
              <td>
                <time dateTime={record.at}>{formatShortTimestamp(record.at)}</time>
              </td>
              <td>{record.actor}</td>
              <td>
                <code>{record.action}</code>
              </td>
              <td>{record.target ?? <span className="muted">—</span>}</td>
              <td>
                <AuditResultBadge result={record.result} />
              </td>
              <td className="cell-number">{record.status === 0 ? '—' : record.status}</td>
              <td className="cell-detail">{record.detail ?? ''}</td>
              <td className="muted">{record.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
