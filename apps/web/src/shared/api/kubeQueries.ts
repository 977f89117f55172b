import {
  ClaimDetailSchema,
  ClaimListSchema,
  ClusterListSchema,
  NodeListSchema,
  PodDetailSchema,
  PodListSchema,
  WorkloadListSchema,
} from '@drivebay/api-types';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from './getJson';

/**
 * Queries of what the podwatcher records. Every key starts with "kube", so that a live
 * `kube.changed` delta can refresh them all (throttled) instead of anything polling.
 */
export const kubeKeys = {
  all: ['kube'] as const,
  clusters: () => [...kubeKeys.all, 'clusters'] as const,
  workloads: (filters: Record<string, string>) => [...kubeKeys.all, 'workloads', filters] as const,
  pods: (filters: Record<string, string>) => [...kubeKeys.all, 'pods', filters] as const,
  pod: (cluster: string, namespace: string, name: string) =>
    [...kubeKeys.all, 'pod', cluster, namespace, name] as const,
  claims: (filters: Record<string, string>) => [...kubeKeys.all, 'claims', filters] as const,
  claim: (cluster: string, namespace: string, name: string) =>
    [...kubeKeys.all, 'claim', cluster, namespace, name] as const,
  nodes: (filters: Record<string, string>) => [...kubeKeys.all, 'nodes', filters] as const,
};

const search = (filters: Record<string, string>) => {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
};
const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** Refreshed by live `kube.changed` deltas, so never stale on a timer. */
const live = { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false } as const;

export const clustersQuery = () =>
  queryOptions({
    queryKey: kubeKeys.clusters(),
    queryFn: ({ signal }) => getJson('/api/v1/clusters', ClusterListSchema, signal),
    ...live,
  });

/** Filters: cluster, namespace. */
export const workloadsQuery = (filters: Record<string, string>) =>
  queryOptions({
    queryKey: kubeKeys.workloads(filters),
    queryFn: ({ signal }) => getJson(`/api/v1/workloads${search(filters)}`, WorkloadListSchema, signal),
    ...live,
  });

/** Filters: cluster, namespace, workload (Kind/name), q, volume, drive, enclosure, server, node, affected, limit. */
export const podsQuery = (filters: Record<string, string>) =>
  queryOptions({
    queryKey: kubeKeys.pods(filters),
    queryFn: ({ signal }) => getJson(`/api/v1/pods${search(filters)}`, PodListSchema, signal),
    ...live,
  });

export const podQuery = (cluster: string, namespace: string, name: string) =>
  queryOptions({
    queryKey: kubeKeys.pod(cluster, namespace, name),
    queryFn: ({ signal }) =>
      getJson(`/api/v1/pods/${path(cluster, namespace, name)}`, PodDetailSchema, signal),
    ...live,
  });

/** Filters: cluster, namespace, q, volume, drive, enclosure, affected, limit. */
export const claimsQuery = (filters: Record<string, string>) =>
  queryOptions({
    queryKey: kubeKeys.claims(filters),
    queryFn: ({ signal }) => getJson(`/api/v1/claims${search(filters)}`, ClaimListSchema, signal),
    ...live,
  });

export const claimQuery = (cluster: string, namespace: string, name: string) =>
  queryOptions({
    queryKey: kubeKeys.claim(cluster, namespace, name),
    queryFn: ({ signal }) =>
      getJson(`/api/v1/claims/${path(cluster, namespace, name)}`, ClaimDetailSchema, signal),
    ...live,
  });

export const nodesQuery = (filters: Record<string, string>) =>
  queryOptions({
    queryKey: kubeKeys.nodes(filters),
    queryFn: ({ signal }) => getJson(`/api/v1/nodes${search(filters)}`, NodeListSchema, signal),
    ...live,
  });

/** Console paths of pods and claims. */
export const podHref = (cluster: string, namespace: string, name: string) =>
  `/workloads/pods/${path(cluster, namespace, name)}`;
export const claimHref = (cluster: string, namespace: string, name: string) =>
  `/workloads/claims/${path(cluster, namespace, name)}`;
