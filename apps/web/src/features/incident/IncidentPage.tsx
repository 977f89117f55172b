import type { IncidentReport } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { HardwareSourcesAlert } from '../../shared/components/HardwareSourcesAlert';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatTimestamp } from '../../shared/format/time';
import { useRefreshOnChange } from '../../shared/hooks/useRefreshOnChange';
import { incidentKeys, incidentReportQuery } from './api/incidentQueries';
import { AffectedHardware } from './components/AffectedHardware';
import { AffectedVolumes } from './components/AffectedVolumes';
import { AffectedWorkloads } from './components/AffectedWorkloads';
import { ExportButtons } from './components/ExportButtons';
import { IncidentPartList } from './components/IncidentPartList';
import { useIncidentStatus } from './hooks/useIncidentStatus';
import { incidentStatus } from './model/incidentStatus';
import './incident.css';

/** The report is asked again when the summary moves, at most this often. */
const REPORT_REFRESH_MS = 1_000;

/** /incident: everything an incident touches, live, worst first, and its export for the postmortem. */
export function IncidentPage() {
  const report = useQuery(incidentReportQuery());
  const live = useIncidentStatus();
  // The server derives summary and report from one state: when the summary moves, so does the report.
  useRefreshOnChange(incidentKeys.report(), live?.revision, REPORT_REFRESH_MS);
  return (
    <section className="page incident-page">
      <PageHeader title="Incident">
        <p className="page-subtitle">
          What is failed, degraded or offline now, and what it means for the data.
        </p>
      </PageHeader>
      <HardwareSourcesAlert />
      {report.data ? (
        <IncidentBody report={report.data} />
      ) : report.isError ? (
        <ErrorState
          title="Could not load the incident"
          error={report.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={() => void report.refetch()}
        />
      ) : (
        <LoadingState what="what is affected" />
      )}
    </section>
  );
}

function IncidentBody({ report }: { report: IncidentReport }) {
  // The counts of the report's own summary: the lists below are of that same state.
  const status = incidentStatus(report.summary);
  const now = Date.now();
  if (!status.active && report.rebuilding.length === 0) {
    return (
      <EmptyState title="No incident: every drive, enclosure and volume is healthy">
        <p>
          When anything fails, degrades or goes offline, a banner appears on every page and this view lists
          what is affected. <Link to="/events">Recent events</Link> show what happened before.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="incident-summary">
        <IncidentPartList parts={status.parts} />
        <p className="incident-as-of">
          As of {formatTimestamp(report.generatedAt)} (revision {report.revision})
        </p>
        <ExportButtons report={report} />
      </div>
      <AffectedVolumes
        id="incident-lost-availability"
        title="Volumes that lost availability"
        meaning="No complete copy is left: workloads using these volumes cannot read or write them."
        volumes={report.lostAvailability}
        now={now}
      />
      <AffectedVolumes
        id="incident-lost-redundancy"
        title="Volumes that lost redundancy"
        meaning="Still served from the remaining copy; one more failure loses data. A rebuild starts when a replacement qualifies."
        volumes={report.lostRedundancy}
        now={now}
      />
      <AffectedVolumes
        id="incident-rebuilds"
        title="Rebuilds running"
        meaning="Copying onto a replacement drive; redundancy returns when the copy completes."
        volumes={report.rebuilding}
        now={now}
      />
      <AffectedWorkloads pods={report.pods} claims={report.claims} clustersWatched={report.clustersWatched} />
      <AffectedHardware report={report} />
    </>
  );
}
