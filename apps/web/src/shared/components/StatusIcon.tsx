import type { DriveHealth } from '@drivebay/api-types';
import type { StatusTone } from '../model/volumeLabels';

/** Every look the icon has: the status tones, plus a bay's offline and empty states from the map. */
export type IconTone = StatusTone | DriveHealth | 'empty';

/**
 * The map's shapes (plain for OK, dot for degraded, X for failed, dash for offline) plus a
 * circling arrow for a rebuild in progress, so state never depends on colour alone.
 */
export function StatusIcon({ tone }: { tone: IconTone }) {
  return (
    <svg
      className={`health-icon health-icon--${tone}`}
      viewBox="0 0 14 14"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <rect className="health-icon-cell" x="1" y="1" width="12" height="12" rx="1.5" />
      {tone === 'failed' && <path className="health-icon-ink" d="M4 4 L10 10 M10 4 L4 10" />}
      {tone === 'degraded' && <circle className="health-icon-dot" cx="7" cy="7" r="2.6" />}
      {tone === 'offline' && <path className="health-icon-ink" d="M4 7 L10 7" />}
      {tone === 'rebuilding' && (
        <>
          <path className="health-icon-ink health-icon-arc" d="M10.2 5.2 A3.6 3.6 0 1 0 10.6 8" />
          <path className="health-icon-dot" d="M8.6 3.4 L11.4 3.6 L10.9 6.4 Z" />
        </>
      )}
    </svg>
  );
}

/** A warning triangle for failure-domain risks. */
export function WarningIcon() {
  return (
    <svg className="warning-icon" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
      <path className="warning-icon-shape" d="M7 1 L13.5 12.5 L0.5 12.5 Z" />
      <path className="health-icon-ink" d="M7 5 L7 8.6 M7 10.6 L7 10.7" />
    </svg>
  );
}
