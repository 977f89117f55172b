import { useMemo } from 'react';
import { claimsQuery, podsQuery } from '../../../shared/api/kubeQueries';
import { useKubeQuery } from '../../../shared/api/kubeRooms';
import { type PodRow, podRows } from '../details/kubeRows';

/** The pods (with their PVCs) whose data sits where `filters` say, for a side panel; live like every kube query. */
export function usePodRows(filters: Record<string, string>, enabled = true) {
  const pods = useKubeQuery({ ...podsQuery(filters), enabled });
  const claims = useKubeQuery({ ...claimsQuery(filters), enabled });
  const rows = useMemo<PodRow[] | undefined>(
    () => (pods.data && claims.data ? podRows(pods.data.pods, claims.data.claims) : undefined),
    [pods.data, claims.data],
  );
  return {
    rows,
    total: pods.data?.total ?? 0,
    error: pods.error ?? claims.error,
    retry: () => {
      void pods.refetch();
      void claims.refetch();
    },
  };
}
