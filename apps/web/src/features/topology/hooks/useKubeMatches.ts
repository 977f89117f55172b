import type { ClaimView, PodView } from '@drivebay/api-types';
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { claimQuery, claimsQuery, podQuery, podsQuery } from '../../../shared/api/kubeQueries';
import { type KubeMatch, kubeMatches } from '../details/findKube';

/** Few enough to read at a glance; typing more narrows them. */
const LIMIT = '6';
/** The server takes up to 200 characters of text. */
const MAX_QUERY = 200;

const filtersFor = (q: string) => ({ q, limit: LIMIT });
const searchable = (q: string) => q.length >= 2 && q.length <= MAX_QUERY;
const NO_PODS: readonly PodView[] = [];
const NO_CLAIMS: readonly ClaimView[] = [];

/** Pods and PVCs whose namespace/name contains `q`, as Find offers them; nothing under 2 characters. */
export function useKubeMatches(q: string, enabled: boolean) {
  const on = enabled && searchable(q);
  const pods = useQuery({ ...podsQuery(filtersFor(q)), enabled: on, placeholderData: keepPreviousData });
  const claims = useQuery({ ...claimsQuery(filtersFor(q)), enabled: on, placeholderData: keepPreviousData });
  const podList = pods.data?.pods ?? NO_PODS;
  const claimList = claims.data?.claims ?? NO_CLAIMS;
  const matches = useMemo(() => kubeMatches(podList, claimList), [podList, claimList]);
  const total = (pods.data?.total ?? 0) + (claims.data?.total ?? 0);
  return {
    matches: on ? matches : [],
    /** How many matched in all, beyond those offered. */
    total: on ? total : 0,
    loading: on && (pods.isFetching || claims.isFetching),
    error: on ? (pods.error ?? claims.error) : null,
  };
}

/** The same lookup, for Enter: from the cache when the list already shows it. */
export async function fetchKubeMatches(queryClient: QueryClient, q: string): Promise<KubeMatch[]> {
  if (!searchable(q)) return [];
  const [pods, claims] = await Promise.all([
    queryClient.fetchQuery(podsQuery(filtersFor(q))),
    queryClient.fetchQuery(claimsQuery(filtersFor(q))),
  ]);
  return kubeMatches(pods.pods, claims.claims);
}

/** The first drive under a pod or PVC (to select and zoom to) and how many it has. */
export async function fetchKubeDrives(
  queryClient: QueryClient,
  match: KubeMatch,
): Promise<{ driveIds: string[]; volumes: number }> {
  const { kind, cluster, namespace, name } = match.target;
  const chains =
    kind === 'pod'
      ? (await queryClient.fetchQuery(podQuery(cluster, namespace, name))).claims
      : [await queryClient.fetchQuery(claimQuery(cluster, namespace, name))];
  const driveIds = [...new Set(chains.flatMap((chain) => chain.drives.map((d) => d.driveId)))];
  return { driveIds, volumes: chains.filter((chain) => chain.volume).length };
}
