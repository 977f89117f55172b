import type { AffectedVolume } from '@drivebay/api-types';
import { Link } from 'react-router';
import { describeRebuild } from '../../volumes';

interface AffectedVolumesProps {
  id: string;
  title: string;
  /** What this group means for the data, in one sentence. */
  meaning: string;
  volumes: readonly AffectedVolume[];
  now: number;
}

/** One group of affected volumes: a heading, what it means, and each volume linked to its page. */
export function AffectedVolumes({ id, title, meaning, volumes, now }: AffectedVolumesProps) {
  return (
    <section className="incident-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="incident-count">({volumes.length})</span>
      </h2>
      <p className="incident-meaning">{meaning}</p>
      {volumes.length === 0 ? (
        <p className="incident-none">None.</p>
      ) : (
        <ul className="incident-list" aria-labelledby={id}>
          {volumes.map((volume) => (
            <li key={volume.id} data-volume-id={volume.id}>
              <Link to={`/volumes/${encodeURIComponent(volume.id)}`}>{volume.name}</Link>
              <span className="incident-detail">
                {volume.layout.toUpperCase()} · cluster {volume.cluster}
                {volume.drives.length > 0 && ` · drives ${volume.drives.join(', ')}`}
                {volume.claims.length > 0 && ` · PVC ${volume.claims.join(', ')}`}
              </span>
              {volume.rebuild && (
                <span className="incident-rebuild">
                  <progress
                    max={1}
                    value={volume.rebuild.progress}
                    aria-label={`Rebuild of ${volume.name}`}
                  />
                  {describeRebuild(volume.rebuild, now, true)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
