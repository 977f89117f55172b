import type { CapacityReport } from '@drivebay/api-types';
import { formatBytes } from '../../../shared/format/bytes';
import { plural } from '../../../shared/format/count';
import { capacityRows, usedPercent } from '../model/capacityRows';

const tb = (bytes: number) => formatBytes(bytes, 'TB');

/** Used, free and stranded capacity per tier: a bar each, with the figures in words beside it. */
export function CapacityTiersCard({ report }: { report: CapacityReport | undefined }) {
  return (
    <section className="card card--capacity" aria-label="Capacity by tier">
      <h2 className="card-title">Capacity by tier</h2>
      {!report ? (
        <p className="card-note" aria-busy="true">
          Measuring…
        </p>
      ) : (
        <ul className="tier-list">
          {capacityRows(report.tiers).map((row) => (
            <li key={row.tier} className="tier" data-tier={row.tier}>
              <div className="tier-head">
                <strong>{row.name}</strong>
                <span>
                  {row.capacity.totalBytes === 0
                    ? usedPercent(row)
                    : `${usedPercent(row)} of ${tb(row.capacity.totalBytes)} · ${plural(row.capacity.drives, 'drive')}`}
                </span>
              </div>
              <div className="tier-bar" aria-hidden="true">
                <span className="tier-bar-used" style={{ width: `${row.usedShare * 100}%` }} />
                <span className="tier-bar-stranded" style={{ width: `${row.strandedShare * 100}%` }} />
              </div>
              <dl className="tier-figures">
                <dt>Used</dt>
                <dd>{tb(row.capacity.usedBytes)}</dd>
                <dt>Free</dt>
                <dd>{tb(row.capacity.freeBytes)}</dd>
                <dt>Stranded</dt>
                <dd title="Not held by any volume, yet not allocatable: free space on failed, degraded or offline drives, and sub-GiB tails of sliced SSDs">
                  {tb(row.capacity.strandedBytes)}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
