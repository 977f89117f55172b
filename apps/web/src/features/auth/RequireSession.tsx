import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useSession } from './hooks/useSession';
import { loginRedirect } from './model/loginRedirect';

/**
 * The console behind a sign-in: renders `children` for a signed-in user, and sends anyone else
 * to /login with the page they asked for. This is the one place that redirects: a 401 from any
 * call only marks the session ended in the cache.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const query = useSession();
  const location = useLocation();
  const state = query.data;
  if (state?.status === 'signed-in') return children;
  if (state?.status === 'signed-out') {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={loginRedirect(here, state.reason)} replace />;
  }
  return (
    <main className="auth-page">
      {query.isError ? (
        <ErrorState
          title="Could not check your sign-in"
          error={query.error}
          hint="Check that the Drivebay server is running and reachable from this browser, then retry."
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState what="your session" />
      )}
    </main>
  );
}
