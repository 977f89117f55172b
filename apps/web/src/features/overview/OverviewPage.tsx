import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { HardwareSourcesAlert } from '../../shared/components/HardwareSourcesAlert';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useRefreshOnChange } from '../../shared/hooks/useRefreshOnChange';
import { type TopologyModel, useTopologySnapshot } from '../topology';
import { CHART_POINTS, capacityQuery, historyQuery, metricsKeys } from './api/metricsQueries';
import { needsAttention, summarizeHealth } from './healthSummary';
import { OverviewCards } from './OverviewCards';
import './overview.css';

// recharts is most of the overview's weight: loaded with the charts, not with the console.
const HistoryCharts = lazy(() =>
  import('./components/HistoryCharts').then((module) => ({ default: module.HistoryCharts })),
);

/** /: the site's health at a glance. */
export function OverviewPage() {
  const query = useTopologySnapshot();
  const model = query.data;
  return (
    <section className="page">
      <PageHeader title="Overview">
        {model?.site && <p className="page-subtitle">{model.site.name}</p>}
      </PageHeader>
      {model ? (
        <OverviewBody model={model} />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the site's health"
          error={query.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState what="the site's health" />
      )}
    </section>
  );
}

function OverviewBody({ model }: { model: TopologyModel }) {
  const summary = useMemo(() => summarizeHealth(model), [model]);
  const capacity = useQuery(capacityQuery()).data;
  const history = useQuery(historyQuery()).data;
  useRefreshOnChange(metricsKeys.capacity(), model.revision, 2_000);
  useRefreshOnChange(metricsKeys.history(CHART_POINTS), model.revision, 60_000);
  if (summary.enclosures.total === 0) {
    return (
      <EmptyState title="No enclosures discovered yet — is the hardware source running?">
        <p>Health figures appear as soon as the hardware source reports its enclosures and drives.</p>
      </EmptyState>
    );
  }
  const attention = needsAttention(summary);
  return (
    <>
      <p className={attention ? 'attention attention--alert' : 'attention'}>
        {attention ? 'Some drives or enclosures need attention. ' : 'All drives and enclosures are healthy. '}
        <Link to="/topology">Open the topology map</Link>
      </p>
      <HardwareSourcesAlert />
      <OverviewCards summary={summary} capacity={capacity} />
      {history && (
        <Suspense
          fallback={
            <p className="card-note" aria-busy="true">
              Loading the charts…
            </p>
          }
        >
          <HistoryCharts history={history} />
        </Suspense>
      )}
    </>
  );
}
