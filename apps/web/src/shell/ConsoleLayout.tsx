import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback } from 'react';
import { Outlet } from 'react-router';
import { RequireSession, recheckSession } from '../features/auth';
import { LiveProvider } from '../live/LiveProvider';
import { LoadingState } from '../shared/components/LoadingState';
import { AppShell } from './AppShell';

/**
 * Every console page: behind a sign-in, with the live connection (opened only once signed in,
 * closed on sign-out) and the shell around the page.
 */
export function ConsoleLayout() {
  const queryClient = useQueryClient();
  const checkSession = useCallback(() => recheckSession(queryClient), [queryClient]);
  return (
    <RequireSession>
      <LiveProvider checkSession={checkSession}>
        <AppShell>
          <Suspense fallback={<LoadingState what="the page" />}>
            <Outlet />
          </Suspense>
        </AppShell>
      </LiveProvider>
    </RequireSession>
  );
}
