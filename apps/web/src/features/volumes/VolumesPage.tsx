import { useMemo } from 'react';
import { errorMessage } from '../../shared/api/apiError';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { formatCount } from '../../shared/format/count';
import { NoVolumes } from './components/NoVolumes';
import { VolumeFilterBar } from './components/VolumeFilterBar';
import { VolumesTable } from './components/VolumesTable';
import { ComposeVolumeButton } from './compose/ComposeVolumeButton';
import { useVolumeFilters } from './hooks/useVolumeFilters';
import { useVolumeList, useVolumeLoadProgress } from './hooks/useVolumeList';
import { useVolumeSort } from './hooks/useVolumeSort';
import { sortVolumes } from './model/sortVolumes';
import { hasFilters } from './model/volumeFilters';
import { anyUnhealthy, countByHealth, healthSummaryLine } from './model/volumeSummary';
import './volumes.css';

/** /volumes: every volume, filtered and sorted by the URL, live. */
export function VolumesPage() {
  const [filters, setFilters] = useVolumeFilters();
  const [sort, sortBy] = useVolumeSort();
  const query = useVolumeList(filters);
  const progress = useVolumeLoadProgress(filters);
  const list = query.data;
  const sorted = useMemo(() => (list ? sortVolumes(list, sort) : undefined), [list, sort]);
  const counts = useMemo(() => (list ? countByHealth(list) : undefined), [list]);
  const filtered = hasFilters(filters);
  const handleRetry = () => void query.refetch();

  return (
    <section className="page volumes-page">
      <PageHeader title="Volumes" actions={<ComposeVolumeButton />}>
        {counts && (
          <p
            className={anyUnhealthy(counts) ? 'map-summary volume-summary--alert' : 'map-summary'}
            data-volume-count={counts.total}
            data-failed-count={counts.byHealth.failed}
            data-degraded-count={counts.byHealth.degraded}
            data-rebuilding-count={counts.byHealth.rebuilding}
          >
            {healthSummaryLine(counts, filtered)}
            {query.isPlaceholderData && ' · refreshing…'}
          </p>
        )}
      </PageHeader>
      <VolumeFilterBar filters={filters} onChange={setFilters} />
      {query.isError && list && (
        <div role="alert" className="banner">
          Showing the volumes loaded earlier; the last refresh failed: {errorMessage(query.error)}{' '}
          <button type="button" onClick={handleRetry}>
            Retry
          </button>
        </div>
      )}
      {sorted ? (
        sorted.length === 0 ? (
          <NoVolumes filtered={filtered} onClear={() => setFilters({})} />
        ) : (
          <VolumesTable volumes={sorted} sort={sort} onSort={sortBy} />
        )
      ) : query.isError ? (
        <ErrorState
          title="Could not load the volumes"
          error={query.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={handleRetry}
        />
      ) : (
        <LoadingState
          what={
            progress && progress.total > 0
              ? `volumes (${formatCount(progress.loaded)} of ${formatCount(progress.total)})`
              : 'volumes'
          }
        />
      )}
    </section>
  );
}
