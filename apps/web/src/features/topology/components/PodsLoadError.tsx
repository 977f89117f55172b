import { errorMessage } from '../../../shared/api/apiError';

/** The pods of a panel could not be loaded: why, and a retry. */
export function PodsLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <p role="alert" className="drive-volumes-error">
      Could not load pods: {errorMessage(error)}{' '}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </p>
  );
}
