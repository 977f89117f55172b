/** One labelled fact, for tooltips, side panels and headers. */
export interface DetailRow {
  readonly label: string;
  readonly value: string;
}

/** Label/value pairs; "Health: failed" reads as one phrase in text and to screen readers. */
export function DetailList({ rows }: { rows: readonly DetailRow[] }) {
  return (
    <dl className="detail-list">
      {rows.map((row) => (
        <div key={row.label} className="detail-row" data-detail={row.label.toLowerCase()}>
          <dt>{row.label}:</dt> <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
