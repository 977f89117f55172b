import { Link, useParams } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { PageHeader } from '../../shared/components/PageHeader';
import { CsiPanel } from './components/CsiPanel';
import { LayoutDiagram } from './components/LayoutDiagram';
import { MemberHistory } from './components/MemberHistory';
import { VolumeEvents } from './components/VolumeEvents';
import { VolumeHeader } from './components/VolumeHeader';
import { useVolume } from './hooks/useVolume';
import './volumes.css';

/** /volumes/:id: one volume, its layout across drives and failure domains, and its history. */
export function VolumeDetailPage() {
  const id = useParams().id ?? '';
  const { query, valid } = useVolume(id);
  const volume = query.data;
  if (!valid || volume === null) return <VolumeNotFound id={id} withEvents={valid} />;
  if (!volume) {
    return (
      <section className="page">
        <PageHeader title={`Volume ${id}`} />
        {query.isError ? (
          <ErrorState
            title="Could not load this volume"
            error={query.error}
            hint="Check that the Drivebay server is running and reachable from this browser, then retry."
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState what="the volume" />
        )}
      </section>
    );
  }
  return (
    <section className="page volume-page" data-volume-id={volume.id} data-health={volume.health}>
      <VolumeHeader volume={volume} />
      <LayoutDiagram volume={volume} />
      <MemberHistory volume={volume} />
      <CsiPanel volume={volume} />
      <VolumeEvents id={volume.id} />
    </section>
  );
}

/** Not (or no longer) there; its events, if any, tell what happened to it. */
function VolumeNotFound({ id, withEvents }: { id: string; withEvents: boolean }) {
  return (
    <section className="page" data-volume-missing={id}>
      <PageHeader title="Volume not found" />
      <EmptyState title={`There is no volume “${id}”`}>
        <p>
          It may have been deleted, or the link is mistyped. <Link to="/volumes">Back to all volumes</Link>
        </p>
      </EmptyState>
      {withEvents && <VolumeEvents id={id} />}
    </section>
  );
}
