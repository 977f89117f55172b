import { formatCount } from '../../../shared/format/count';
import type { BayColouring } from '../map/bayColouring';

/** The legend of a colour mode other than health: each colour, its meaning and its live count. */
export function ColourLegend({ colouring }: { colouring: BayColouring }) {
  return (
    <ul className="legend" aria-label="Colour legend">
      {colouring.legend.map((entry) => (
        <li key={entry.label} data-colour-category={entry.label}>
          <span className="legend-swatch" style={{ background: entry.colour }} aria-hidden="true" />
          <span>{entry.label}</span>
          <span className="legend-count" data-count={entry.count}>
            {formatCount(entry.count)}
          </span>
        </li>
      ))}
      <li className="legend-note">
        Failed ✕, degraded • and offline – drives keep their marks in every mode.
      </li>
    </ul>
  );
}
