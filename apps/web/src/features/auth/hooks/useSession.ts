import type { Role, SessionInfo } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../api/sessionQueries';
import { sessionAllows } from '../model/sessionState';

/** Who is signed in (react-query key ['auth','me']): the query, its state in `data`. */
export function useSession() {
  return useQuery(sessionQuery());
}

/** The signed-in user's session, or undefined while unknown or signed out. */
export function useSessionInfo(): SessionInfo | undefined {
  const { data } = useSession();
  return data?.status === 'signed-in' ? data.info : undefined;
}

/** Whether the signed-in user's role includes `role`; false while unknown, so gated controls stay absent. */
export function useCan(role: Role): boolean {
  return sessionAllows(useSession().data, role);
}
