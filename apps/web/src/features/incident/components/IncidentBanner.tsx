import { Link, useLocation } from 'react-router';
import { useIncidentStatus } from '../hooks/useIncidentStatus';
import { IncidentPartList } from './IncidentPartList';
import '../incident.css';

/** Across every page while anything is failed, degraded or offline: the counts, and one click to what is affected. */
export function IncidentBanner() {
  const status = useIncidentStatus();
  const { pathname } = useLocation();
  if (!status?.active) return null;
  return (
    <div className="incident-banner" role="alert" aria-label="Incident">
      <strong className="incident-banner-title">
        <span aria-hidden="true">⚠ </span>Incident:
      </strong>
      <IncidentPartList parts={status.parts} />
      {pathname !== '/incident' && (
        <Link className="incident-banner-link" to="/incident">
          Show what is affected →
        </Link>
      )}
    </div>
  );
}
