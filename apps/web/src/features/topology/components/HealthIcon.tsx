import type { DriveHealth } from '@drivebay/api-types';

/** The shape for each bay state, matching the map: X failed, dot degraded, dash offline. */
export function HealthIcon({ health }: { health: DriveHealth | 'empty' }) {
  return (
    <svg
      className={`health-icon health-icon--${health}`}
      viewBox="0 0 14 14"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <rect className="health-icon-cell" x="1" y="1" width="12" height="12" rx="1.5" />
      {health === 'failed' && <path className="health-icon-ink" d="M4 4 L10 10 M10 4 L4 10" />}
      {health === 'degraded' && <circle className="health-icon-dot" cx="7" cy="7" r="2.6" />}
      {health === 'offline' && <path className="health-icon-ink" d="M4 7 L10 7" />}
    </svg>
  );
}

/** The hatched swatch an offline enclosure is drawn with. */
export function OfflineEnclosureIcon() {
  return (
    <svg
      className="health-icon offline-enclosure-icon"
      viewBox="0 0 14 14"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <rect x="1" y="1" width="12" height="12" rx="1.5" strokeDasharray="3 2" />
      <path d="M1 9 L9 1 M5 13 L13 5" />
    </svg>
  );
}
