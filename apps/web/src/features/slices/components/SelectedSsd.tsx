import { Link } from 'react-router';
import type { SiteSlices } from '../model/siteSlices';
import { SliceBar } from './SliceBar';

interface SelectedSsdProps {
  site: SiteSlices;
  selectedId: string;
  onClear: () => void;
}

/** What the URL's ?drive= names: its slice bar, or why it has none. */
export function SelectedSsd({ site, selectedId, onClear }: SelectedSsdProps) {
  const sliced = site.sliced.get(selectedId);
  const holder = site.wholeHolders.get(selectedId);
  const cell = sliced || holder ? undefined : site.cells.find((c) => c.id === selectedId);
  const mapLink = `/topology?drive=${encodeURIComponent(selectedId)}`;
  return (
    <div className="selected-ssd">
      {sliced ? (
        <SliceBar ssd={sliced} />
      ) : (
        <section className="slice-detail" aria-label={`Slices of ${selectedId}`}>
          <h2>{selectedId}</h2>
          <p>
            {holder ? (
              <>
                Held whole by volume{' '}
                <Link to={`/volumes/${encodeURIComponent(holder.volumeId)}`}>{holder.volumeName}</Link>: an
                SSD given whole is not sliced.
              </>
            ) : cell ? (
              <>No slices on this SSD yet ({cell.label}).</>
            ) : (
              <>This site has no SSD {selectedId}: it may be an HDD (HDDs are never sliced) or gone.</>
            )}
          </p>
        </section>
      )}
      <p className="selected-ssd-actions">
        <Link to={mapLink}>Show {selectedId} on the topology</Link>
        <button type="button" className="link-button" onClick={onClear}>
          Clear selection
        </button>
      </p>
    </div>
  );
}
