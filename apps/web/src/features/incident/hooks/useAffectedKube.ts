import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { claimsQuery, clustersQuery, podsQuery } from '../../../shared/api/kubeQueries';
import type { AffectedKubeInput } from '../model/affectedKube';

const AFFECTED = { affected: 'true' };

/** The pods and PVCs whose volumes are not healthy, live, and whether any cluster is watched. */
export function useAffectedKube() {
  const pods = useQuery(podsQuery(AFFECTED));
  const claims = useQuery(claimsQuery(AFFECTED));
  const clusters = useQuery(clustersQuery());
  const podList = pods.data?.pods;
  const claimList = claims.data?.claims;
  const input = useMemo<AffectedKubeInput | null>(
    () => (podList && claimList ? { pods: podList, claims: claimList } : null),
    [podList, claimList],
  );
  return {
    /** Null until both lists have loaded. */
    input,
    /** Matches beyond the list's limit, so the page can say it is cut. */
    totals: { pods: pods.data?.total ?? 0, claims: claims.data?.total ?? 0 },
    /** Undefined while loading. */
    clusterCount: clusters.data?.clusters.length,
    error: pods.error ?? claims.error,
    retry: () => {
      void pods.refetch();
      void claims.refetch();
    },
  };
}
