import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/apiError';
import { EmptyState } from '../../../shared/components/EmptyState';
import { PageHeader } from '../../../shared/components/PageHeader';

/** Whether the server answered that the object does not exist (not that it failed). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'NOT_FOUND');
}

/** A pod or PVC that is not (or no longer) there. */
export function KubeNotFound({ kind, name, backTo }: { kind: 'Pod' | 'PVC'; name: string; backTo: string }) {
  return (
    <section className="page" data-missing={name}>
      <PageHeader title={`${kind} not found`} />
      <EmptyState title={`There is no ${kind} “${name}”`}>
        <p>
          It may have been deleted
          {kind === 'Pod' ? ' (a StatefulSet brings its pods back under the same name)' : ''}, its cluster may
          have been removed, or the link is mistyped. This page does not update itself; reload to look again.{' '}
          <Link to={backTo}>Back to the list</Link>
        </p>
      </EmptyState>
    </section>
  );
}
