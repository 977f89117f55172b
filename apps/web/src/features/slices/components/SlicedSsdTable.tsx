import { type CSSProperties, useMemo } from 'react';
import { miniBarGradient, miniBarRuns } from '../model/miniBar';
import { percent } from '../model/percent';
import type { SlicedSsd } from '../model/sliceLayout';

/** Rows rendered at most; the most fragmented come first, so the ones to act on are always in. */
const SHOWN = 200;

interface SlicedSsdTableProps {
  ssds: ReadonlyMap<string, SlicedSsd>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The sliced SSDs, most fragmented first, each with its layout in small; a row selects its SSD. */
export function SlicedSsdTable({ ssds, selectedId, onSelect }: SlicedSsdTableProps) {
  const rows = useMemo(
    () =>
      [...ssds.values()].sort(
        (a, b) => b.fragmentation - a.fragmentation || a.drive.id.localeCompare(b.drive.id),
      ),
    [ssds],
  );
  const gib = (n: number) => n.toLocaleString('en');
  return (
    <>
      <h2 className="slices-heading">Sliced SSDs, most fragmented first</h2>
      <div className="table-scroll">
        <table className="data-table sliced-ssds" aria-label="Sliced SSDs">
          <thead>
            <tr>
              <th scope="col">SSD</th>
              <th scope="col">Layout</th>
              <th scope="col">Enclosure</th>
              <th scope="col">Health</th>
              <th scope="col" className="cell-number">
                Slices
              </th>
              <th scope="col" className="cell-number">
                Used GiB
              </th>
              <th scope="col" className="cell-number">
                Free GiB
              </th>
              <th scope="col" className="cell-number">
                Largest gap GiB
              </th>
              <th scope="col" className="cell-number">
                Fragmentation
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((ssd) => {
              const selected = ssd.drive.id === selectedId;
              return (
                <tr key={ssd.drive.id} data-drive-id={ssd.drive.id} data-selected={selected || undefined}>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-current={selected || undefined}
                      onClick={() => onSelect(ssd.drive.id)}
                    >
                      {ssd.drive.id}
                    </button>
                  </td>
                  <td>
                    <span
                      className="mini-bar"
                      aria-hidden="true"
                      style={
                        { '--mini-bar': miniBarGradient(miniBarRuns(ssd), 'var(--accent)') } as CSSProperties
                      }
                    />
                  </td>
                  <td>
                    {ssd.drive.enclosure} bay {ssd.drive.bay}
                  </td>
                  <td>{ssd.drive.health}</td>
                  <td className="cell-number">{gib(ssd.sliceCount)}</td>
                  <td className="cell-number">{gib(ssd.usedGiB)}</td>
                  <td className="cell-number">{gib(ssd.freeGiB)}</td>
                  <td className="cell-number">{gib(ssd.largestGapGiB)}</td>
                  <td className="cell-number">{percent(ssd.fragmentation)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN && (
        <p className="muted">
          The {SHOWN} most fragmented of {rows.length.toLocaleString('en')} sliced SSDs; pick any other on the
          heat map.
        </p>
      )}
    </>
  );
}
