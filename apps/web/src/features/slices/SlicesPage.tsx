import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { useTopologySnapshot } from '../topology';
import { useVolumeList, useVolumeLoadProgress } from '../volumes';
import { SlicesOverview } from './components/SlicesOverview';
import './slices.css';

/** Every volume: the unfiltered list, the one the live sync keeps current. */
const ALL = {};

/** /slices: every SSD's use at a glance, and any SSD's 1 GiB slices with their volumes. */
export function SlicesPage() {
  const topology = useTopologySnapshot();
  const volumes = useVolumeList(ALL);
  const progress = useVolumeLoadProgress(ALL);
  const handleRetry = () => {
    if (topology.isError) void topology.refetch();
    if (volumes.isError) void volumes.refetch();
  };
  return (
    <section className="page slices-page">
      <PageHeader title="Slices">
        <p className="page-subtitle">
          SSDs carved into 1 GiB-aligned slices: which volume holds what, and where the free space lies.
        </p>
      </PageHeader>
      {topology.data && volumes.data ? (
        <SlicesOverview model={topology.data} volumes={volumes.data} />
      ) : topology.isError || volumes.isError ? (
        <ErrorState
          title="Could not load the SSDs and their volumes"
          error={topology.error ?? volumes.error}
          hint="Check that the Drivebay server is reachable, then retry."
          onRetry={handleRetry}
        />
      ) : (
        <LoadingState
          what={
            progress
              ? `SSDs and volumes (${progress.loaded.toLocaleString('en')} of ${progress.total.toLocaleString('en')} volumes)`
              : 'SSDs and volumes'
          }
        />
      )}
    </section>
  );
}
