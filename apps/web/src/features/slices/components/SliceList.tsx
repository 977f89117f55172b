import { Link } from 'react-router';
import type { SlicedSsd } from '../model/sliceLayout';

/** An SSD of 1 GiB slices could list thousands; the first ones, in offset order, are enough to read. */
const SHOWN = 300;

/** The bar as text: every slice and gap with its extent, owner volume and PVC (narrow slices included). */
export function SliceList({ ssd }: { ssd: SlicedSsd }) {
  const rows = ssd.segments.slice(0, SHOWN);
  const gaps = ssd.segments.length - ssd.sliceCount;
  return (
    <details className="slice-list-details">
      <summary>
        List the {ssd.sliceCount.toLocaleString('en')} {ssd.sliceCount === 1 ? 'slice' : 'slices'} and{' '}
        {gaps.toLocaleString('en')} free {gaps === 1 ? 'gap' : 'gaps'} with their volumes and PVCs
      </summary>
      <table className="data-table slice-list" aria-label={`Slices and free gaps of ${ssd.drive.id}`}>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              From GiB
            </th>
            <th scope="col" className="cell-number">
              Size GiB
            </th>
            <th scope="col">Volume</th>
            <th scope="col">PVC</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((segment) => (
            <tr key={`${segment.kind}-${segment.offsetGiB}`} data-kind={segment.kind}>
              <td className="cell-number">{segment.offsetGiB.toLocaleString('en')}</td>
              <td className="cell-number">{segment.sizeGiB.toLocaleString('en')}</td>
              {segment.kind === 'slice' ? (
                <>
                  <td>
                    <Link to={`/volumes/${encodeURIComponent(segment.volumeId)}`}>{segment.volumeName}</Link>
                  </td>
                  <td>{segment.pvcName}</td>
                </>
              ) : (
                <td colSpan={2} className="muted">
                  free
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {ssd.segments.length > SHOWN && (
        <p className="muted">
          The first {SHOWN} of {ssd.segments.length.toLocaleString('en')} slices and gaps, by offset.
        </p>
      )}
    </details>
  );
}
