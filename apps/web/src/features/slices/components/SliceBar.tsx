import { Link } from 'react-router';
import type { SlicedSsd } from '../model/sliceLayout';

/** One SSD's 1 GiB slices end to end: each volume's slice links to it; free gaps are hatched. */
export function SliceBar({ ssd }: { ssd: SlicedSsd }) {
  return (
    <section className="slice-detail" aria-label={`Slices of ${ssd.drive.id}`}>
      <h2>
        {ssd.drive.id} <span className="muted">({ssd.drive.serial})</span>
      </h2>
      <p className="muted">
        {ssd.capacityGiB.toLocaleString('en')} GiB sliceable · {ssd.usedGiB.toLocaleString('en')} GiB in{' '}
        {ssd.segments.filter((s) => s.kind === 'slice').length} slices · {ssd.freeGiB.toLocaleString('en')}{' '}
        GiB free, the largest gap {ssd.largestGapGiB.toLocaleString('en')} GiB · fragmentation{' '}
        {Math.round(ssd.fragmentation * 100)}% · health {ssd.drive.health}
      </p>
      <ol className="slice-bar">
        {ssd.segments.map((segment) => (
          <li
            key={`${segment.kind}-${segment.offsetGiB}`}
            className={`slice-segment slice-segment--${segment.kind}`}
            style={{ flexGrow: segment.sizeGiB }}
            title={`${segment.kind === 'slice' ? segment.volumeName : 'free'}: GiB ${segment.offsetGiB}–${segment.offsetGiB + segment.sizeGiB} (${segment.sizeGiB} GiB)`}
          >
            {segment.kind === 'slice' ? (
              <Link to={`/volumes/${encodeURIComponent(segment.volumeId)}`}>
                {segment.volumeName} · {segment.sizeGiB} GiB
              </Link>
            ) : (
              <span>free {segment.sizeGiB} GiB</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
