import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { isRetryable } from '../../../shared/api/apiError';
import type { LoginReason } from '../../../shared/api/loginPath';
import { endSession, mergeSession, type SessionState } from '../model/sessionState';
import { fetchAuthConfig, fetchSession } from './authApi';
import { authKeys } from './authKeys';

/** Who is signed in. Re-checked when the tab regains focus, so an idle-expired session shows at once. */
export function sessionQuery() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ client, signal }) =>
      mergeSession(client.getQueryData<SessionState>(authKeys.me()), await fetchSession(signal)),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    retry: (failures, error) => failures < 2 && isRetryable(error),
  });
}

export function authConfigQuery() {
  return queryOptions({
    queryKey: authKeys.config(),
    queryFn: ({ signal }) => fetchAuthConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: (failures, error) => failures < 2 && isRetryable(error),
  });
}

/** Marks the session ended; the route guard then sends the user to sign in, with `reason` as the notice. */
export function markSessionEnded(queryClient: QueryClient, reason: LoginReason = 'expired'): void {
  queryClient.setQueryData<SessionState>(authKeys.me(), (previous) => endSession(previous, reason));
}

/** Asks the server again whether the session stands; true when it does (or the server is unreachable). */
export async function recheckSession(queryClient: QueryClient): Promise<boolean> {
  try {
    const state = await queryClient.fetchQuery({ ...sessionQuery(), staleTime: 0 });
    return state.status === 'signed-in';
  } catch {
    return true;
  }
}
