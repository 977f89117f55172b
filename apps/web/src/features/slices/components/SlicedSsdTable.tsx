import type { SlicedSsd } from '../model/sliceLayout';

const SHOWN = 200;

/** The sliced SSDs, most fragmented first (the ones to watch); a row selects its SSD. */
export function SlicedSsdTable({
  ssds,
  onSelect,
}: {
  ssds: readonly SlicedSsd[];
  onSelect: (id: string) => void;
}) {
  const rows = [...ssds].sort(
    (a, b) => b.fragmentation - a.fragmentation || a.drive.id.localeCompare(b.drive.id),
  );
  return (
    <>
      <table className="data-table" aria-label="Sliced SSDs">
        <thead>
          <tr>
            <th scope="col">SSD</th>
            <th scope="col">Enclosure</th>
            <th scope="col">Slices</th>
            <th scope="col">Used GiB</th>
            <th scope="col">Free GiB</th>
            <th scope="col">Largest gap GiB</th>
            <th scope="col">Fragmentation</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((ssd) => (
            <tr key={ssd.drive.id} data-drive-id={ssd.drive.id}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(ssd.drive.id)}>
                  {ssd.drive.id}
                </button>
              </td>
              <td>
                {ssd.drive.enclosure} bay {ssd.drive.bay}
              </td>
              <td>{ssd.segments.filter((s) => s.kind === 'slice').length}</td>
              <td>{ssd.usedGiB.toLocaleString('en')}</td>
              <td>{ssd.freeGiB.toLocaleString('en')}</td>
              <td>{ssd.largestGapGiB.toLocaleString('en')}</td>
              <td>{Math.round(ssd.fragmentation * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <p className="muted">
          The {SHOWN} most fragmented of {rows.length} shown.
        </p>
      )}
    </>
  );
}
