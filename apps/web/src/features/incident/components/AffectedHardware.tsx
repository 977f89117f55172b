import type { IncidentReport } from '@drivebay/api-types';
import { Link } from 'react-router';

/** Long lists are cut here: the JSON export and the topology map hold every drive. */
const SHOWN = 200;

/** Offline enclosures and unhealthy drives, each linked to its place on the topology map. */
export function AffectedHardware({ report }: { report: IncidentReport }) {
  const { enclosuresOffline, drives } = report;
  return (
    <>
      <section className="incident-section" aria-labelledby="incident-enclosures">
        <h2 id="incident-enclosures">
          Enclosures offline <span className="incident-count">({enclosuresOffline.length})</span>
        </h2>
        {enclosuresOffline.length === 0 ? (
          <p className="incident-none">None.</p>
        ) : (
          <ul className="incident-list" aria-labelledby="incident-enclosures">
            {enclosuresOffline.map((enclosure) => (
              <li key={enclosure.id}>
                <Link to={`/topology?enclosure=${encodeURIComponent(enclosure.id)}`}>{enclosure.name}</Link>
                <span className="incident-detail">
                  {enclosure.id} · rack {enclosure.rack}: every drive in it is unreachable
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="incident-section" aria-labelledby="incident-drives">
        <h2 id="incident-drives">
          Drives not OK <span className="incident-count">({drives.length})</span>
        </h2>
        {drives.length === 0 ? (
          <p className="incident-none">None.</p>
        ) : (
          <ul className="incident-list incident-list--columns" aria-labelledby="incident-drives">
            {drives.slice(0, SHOWN).map((drive) => (
              <li key={drive.id} data-drive-health={drive.health}>
                <Link to={`/topology?drive=${encodeURIComponent(drive.id)}`}>{drive.id}</Link>
                <span className="incident-detail">
                  {drive.health} · {drive.enclosureId} bay {drive.bay}
                </span>
              </li>
            ))}
          </ul>
        )}
        {drives.length > SHOWN && (
          <p className="incident-meaning">
            {drives.length - SHOWN} more: see the topology map, or export the JSON for the full list.
          </p>
        )}
      </section>
    </>
  );
}
