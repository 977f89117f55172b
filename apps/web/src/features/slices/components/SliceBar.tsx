import { Link } from 'react-router';
import { percent } from '../model/percent';
import type { SlicedSsd, SliceSegment } from '../model/sliceLayout';
import { SliceList } from './SliceList';

/** One SSD's 1 GiB slices end to end: each slice links to its volume; free gaps are hatched. */
export function SliceBar({ ssd }: { ssd: SlicedSsd }) {
  const gib = (n: number) => `${n.toLocaleString('en')} GiB`;
  return (
    <section className="slice-detail" aria-label={`Slices of ${ssd.drive.id}`}>
      <h2>
        {ssd.drive.id} <span className="muted">serial {ssd.drive.serial}</span>
      </h2>
      <p className="muted">
        {ssd.sliceCount} {ssd.sliceCount === 1 ? 'slice' : 'slices'} hold {gib(ssd.usedGiB)} of{' '}
        {gib(ssd.capacityGiB)} · {gib(ssd.freeGiB)} free, the largest gap {gib(ssd.largestGapGiB)} ·
        fragmentation {percent(ssd.fragmentation)} · {ssd.drive.enclosure} bay {ssd.drive.bay} · health{' '}
        {ssd.drive.health}
      </p>
      <ol className="slice-bar">
        {ssd.segments.map((segment) => (
          <BarSegment key={`${segment.kind}-${segment.offsetGiB}`} segment={segment} />
        ))}
      </ol>
      <div className="slice-ruler muted" aria-hidden="true">
        <span>0 GiB</span>
        <span>{gib(ssd.capacityGiB)}</span>
      </div>
      <SliceList ssd={ssd} />
    </section>
  );
}

function BarSegment({ segment }: { segment: SliceSegment }) {
  const extent = `GiB ${segment.offsetGiB.toLocaleString('en')}–${(segment.offsetGiB + segment.sizeGiB).toLocaleString('en')}`;
  const size = `${segment.sizeGiB.toLocaleString('en')} GiB`;
  // The name shows while it fits and the size when there is room (slices.css); both are always read out.
  const label = (
    <span className="slice-segment-label">
      {segment.kind === 'slice' ? segment.volumeName : 'free'}
      <span className="slice-segment-size"> · {size}</span>
    </span>
  );
  return (
    <li
      className={`slice-segment slice-segment--${segment.kind}`}
      style={{ flexGrow: segment.sizeGiB }}
      title={
        segment.kind === 'slice'
          ? `${segment.volumeName} (PVC ${segment.pvcName}): ${extent}, ${size}`
          : `Free: ${extent}, ${size}`
      }
    >
      {segment.kind === 'slice' ? (
        <Link to={`/volumes/${encodeURIComponent(segment.volumeId)}`}>{label}</Link>
      ) : (
        label
      )}
    </li>
  );
}
