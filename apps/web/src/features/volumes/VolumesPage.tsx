import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/** /volumes: volumes the composer builds; not wired to the server yet. */
export function VolumesPage() {
  return (
    <section className="page">
      <PageHeader title="Volumes" />
      <EmptyState title="No volumes to show yet">
        <p>
          Volumes composed by the composer will be listed here: each volume's layout (single, RAID1 or
          RAID10), its member drives and SSD slices, the failure domains they span, and its lifecycle state.
        </p>
        <p>This console does not show volumes yet; nothing on this page is sample data.</p>
      </EmptyState>
    </section>
  );
}
