import type { Volume } from '@drivebay/api-types';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { type TopologyModel, useTopologySnapshot } from '../topology';
import { useVolumeList } from '../volumes';
import { AffectedHardware } from './components/AffectedHardware';
import { AffectedVolumes } from './components/AffectedVolumes';
import { AffectedWorkloads } from './components/AffectedWorkloads';
import { ExportButtons } from './components/ExportButtons';
import { IncidentPartList } from './components/IncidentPartList';
import { useAffectedKube } from './hooks/useAffectedKube';
import { useIncidentStatus } from './hooks/useIncidentStatus';
import { incidentReport } from './model/incidentReport';
import './incident.css';

const NO_VOLUMES: readonly Volume[] = [];

/** /incident: everything an incident touches, live, worst first, and its export for the postmortem. */
export function IncidentPage() {
  const topology = useTopologySnapshot();
  return (
    <section className="page incident-page">
      <PageHeader title="Incident">
        <p className="page-subtitle">
          What is failed, degraded or offline now, and what it means for the data.
        </p>
      </PageHeader>
      {topology.data ? (
        <IncidentBody model={topology.data} />
      ) : topology.isError ? (
        <ErrorState
          title="Could not load the site"
          error={topology.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={() => void topology.refetch()}
        />
      ) : (
        <LoadingState what="the site" />
      )}
    </section>
  );
}

function IncidentBody({ model }: { model: TopologyModel }) {
  const status = useIncidentStatus();
  const failed = useVolumeList({ health: 'failed' }).data ?? NO_VOLUMES;
  const degraded = useVolumeList({ health: 'degraded' }).data ?? NO_VOLUMES;
  const rebuilding = useVolumeList({ health: 'rebuilding' }).data ?? NO_VOLUMES;
  const kube = useAffectedKube();
  const report = useMemo(
    () => incidentReport(model, [...failed, ...degraded, ...rebuilding], new Date(), kube.input),
    [model, failed, degraded, rebuilding, kube.input],
  );
  const now = Date.now();
  if (!status?.active && report.rebuilding.length === 0) {
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
        <IncidentPartList parts={status?.parts ?? []} />
        <ExportButtons report={report} model={model} />
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
      <AffectedWorkloads pods={report.pods} claims={report.claims} kube={kube} />
      <AffectedHardware report={report} />
    </>
  );
}
