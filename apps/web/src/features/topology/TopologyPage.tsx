// First: TopologyView brings topology-tools.css, which refines these rules and must come after.
import './topology.css';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { TopologyView } from './components/TopologyView';
import { useTopologySnapshot } from './hooks/useTopologySnapshot';

/** /topology: the live map of racks, enclosures and drives. */
export function TopologyPage() {
  const query = useTopologySnapshot();
  const model = query.data;
  const handleRetry = () => void query.refetch();
  if (!model) {
    return (
      <section className="page">
        <PageHeader title="Topology" />
        {query.isError ? (
          <ErrorState
            title="Could not load the topology"
            error={query.error}
            hint="Check that the Drivebay server is running and reachable from this browser, then retry."
            onRetry={handleRetry}
          />
        ) : (
          <LoadingState what="the topology" />
        )}
      </section>
    );
  }
  if (model.enclosures.size === 0) {
    return (
      <section className="page">
        <PageHeader title="Topology" />
        <EmptyState title="No enclosures discovered yet — is the hardware source running?">
          <p>
            Enclosures appear here as soon as the hardware source reports them: the built-in simulator when
            Drivebay runs with <code>npm start</code>, or your enclosures' management interfaces in
            production. This page updates live; there is no need to reload.
          </p>
        </EmptyState>
      </section>
    );
  }
  return (
    <TopologyView model={model} refreshError={query.isError ? query.error : null} onRetry={handleRetry} />
  );
}
