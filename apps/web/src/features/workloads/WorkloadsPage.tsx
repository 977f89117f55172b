import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/** /workloads: Kubernetes workloads bound to volumes; not wired to the server yet. */
export function WorkloadsPage() {
  return (
    <section className="page">
      <PageHeader title="Workloads" />
      <EmptyState title="No workloads to show yet">
        <p>
          Kubernetes workloads reported by the podwatcher will be listed here, each traced from pod to node
          and server, and from its PersistentVolumeClaim down to the volume and the bays its data lives in.
        </p>
        <p>This console does not show workloads yet; nothing on this page is sample data.</p>
      </EmptyState>
    </section>
  );
}
