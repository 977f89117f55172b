import { HEAT_BANDS, type HeatCounts } from '../model/heatMap';

/**
 * The heat map's key and its text alternative: each band's swatch (drawn with the same fill
 * level, ring or slash as the cells), its name and how many SSDs are in it.
 */
export function HeatLegend({ counts }: { counts: HeatCounts }) {
  return (
    <ul className="legend heat-legend" aria-label="SSDs per heat map band">
      {HEAT_BANDS.map(({ band, label }) => (
        <li key={band} data-band={band}>
          <span className="heat-swatch" data-band={band} aria-hidden="true" />
          {label}
          <span className="legend-count" data-count={counts.bands[band]}>
            {counts.bands[band].toLocaleString('en')}
          </span>
        </li>
      ))}
      <li data-band="unusable">
        <span className="heat-swatch heat-swatch--unusable" aria-hidden="true" />
        Slashed: failed, degraded or offline, takes no new volumes
        <span className="legend-count" data-count={counts.unusable}>
          {counts.unusable.toLocaleString('en')}
        </span>
      </li>
    </ul>
  );
}
