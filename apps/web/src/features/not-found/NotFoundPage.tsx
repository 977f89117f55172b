import { Link } from 'react-router';
import { EmptyState } from '../../shared/components/EmptyState';
import { PageHeader } from '../../shared/components/PageHeader';

/** Any unknown path. */
export function NotFoundPage() {
  return (
    <section className="page">
      <PageHeader title="Page not found" />
      <EmptyState title="There is no page at this address">
        <p>
          Go to the <Link to="/">Overview</Link> or the <Link to="/topology">Topology</Link> map.
        </p>
      </EmptyState>
    </section>
  );
}
