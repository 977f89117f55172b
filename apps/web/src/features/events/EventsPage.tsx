import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/** /events: the live event timeline; not wired to the server yet. */
export function EventsPage() {
  return (
    <section className="page">
      <PageHeader title="Events" />
      <EmptyState title="No events to show yet">
        <p>
          The live event timeline will appear here: drives failing, degrading or being replaced, enclosures
          going offline and coming back, and inventory discovered, newest first, as they are committed.
        </p>
        <p>This console does not show events yet; nothing on this page is sample data.</p>
      </EmptyState>
    </section>
  );
}
