import { formatTimestamp } from '../../../shared/format/time';

interface PausedNoticeProps {
  /** ISO time Pause was pressed. */
  at: string;
  newer: number;
  onResume: () => void;
}

/** Says plainly that the list is not live, how much it is missing, and how to catch up. */
export function PausedNotice({ at, newer, onResume }: PausedNoticeProps) {
  const since =
    newer === 0
      ? 'No new events since.'
      : `${newer.toLocaleString('en')} new event${newer === 1 ? '' : 's'} since, not shown yet.`;
  return (
    <div className="timeline-paused" role="status" data-newer={newer}>
      <p>
        <strong>Paused</strong> at {formatTimestamp(at, true)}: this list is frozen. {since}
      </p>
      <button type="button" className="button-primary" onClick={onResume}>
        Resume
      </button>
    </div>
  );
}
