import type { Volume } from '@drivebay/api-types';
import { Link } from 'react-router';
import { useNow } from '../../../shared/hooks/useNow';
import { historyTime, memberHistoryRows } from '../model/memberHistory';
import './MemberHistory.css';

const driveLink = (id: string) => `/topology?drive=${encodeURIComponent(id)}`;

/**
 * What happened to the volume's copies: the drive that failed (it is replaced at once, so the
 * members above no longer name it), its replacement and the rebuild's progress.
 */
export function MemberHistory({ volume, headingLevel = 2 }: { volume: Volume; headingLevel?: 2 | 3 }) {
  const now = useNow(10_000);
  const rows = memberHistoryRows(volume, now);
  if (rows.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `member-history-${volume.id}`;
  return (
    <section className="member-history" aria-labelledby={id}>
      <Heading id={id}>Member history</Heading>
      <ol className="member-history-list">
        {rows.map((row) => (
          <li key={row.key} data-change={row.kind} data-drive={row.driveId}>
            <time dateTime={row.at}>{historyTime(row.at)}</time>
            <span className="member-history-place">{row.place}</span>
            <span>
              {row.kind === 'failed' ? (
                <>
                  drive <Link to={driveLink(row.driveId)}>{row.driveId}</Link> failed; the copy on it is lost
                </>
              ) : (
                row.text
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
