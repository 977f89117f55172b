import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../../shared/api/apiError';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';

const HINT = 'Check that the Drivebay server is running and reachable from this browser, then retry.';

/** While a view has no data: its loading state, or what failed and a Retry. */
export function ViewFallback({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isError) {
    return (
      <ErrorState
        title={`Could not load the ${what}`}
        error={query.error}
        hint={HINT}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return <LoadingState what={what} />;
}

/** Data shown from before a refresh that failed: say so, and offer a retry. */
export function StaleBanner({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (!query.isError || query.data === undefined) return null;
  return (
    <div role="alert" className="banner">
      Showing the {what} loaded earlier; the last refresh failed: {errorMessage(query.error)}{' '}
      <button type="button" onClick={() => void query.refetch()}>
        Retry
      </button>
    </div>
  );
}
