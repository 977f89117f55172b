import { EmptyState } from '../../../shared/components/EmptyState';
import { useCan } from '../../auth';

const composeExample = (origin: string) =>
  `curl -X POST ${origin}/api/v1/volumes -H 'content-type: application/json' -H 'authorization: Bearer <token>' -d '{"name":"pvc-demo-1","capacityBytes":100000000000}'`;

/** No volumes at all, or none matching the filters: say which, and what to do. */
export function NoVolumes({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const canCompose = useCan('operator');
  if (filtered) {
    return (
      <EmptyState title="No volumes match these filters">
        <p>
          Volumes appear here as soon as they match: this list updates live.{' '}
          <button type="button" onClick={onClear}>
            Clear filters
          </button>
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={
        canCompose
          ? 'No volumes yet — use “Compose volume” above, or POST /api/v1/volumes'
          : 'No volumes yet — compose one with POST /api/v1/volumes (see the README)'
      }
    >
      <p>
        Kubernetes creates volumes through the CSI driver; you can also compose one by hand with an API token
        (see Account → API tokens), for example <code>{composeExample(window.location.origin)}</code>. New
        volumes appear here live; there is no need to reload.
      </p>
    </EmptyState>
  );
}
