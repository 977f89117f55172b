import { type QueryClient, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { useLiveRoom } from '../live/LiveTransportContext';
import type { RoomDefinition } from '../live/rooms';
import { type KubeDeltaPort, kubeCachePort } from './kubeCache';

const ports = new WeakMap<QueryClient, KubeDeltaPort>();
const portOf = (queryClient: QueryClient) => {
  let port = ports.get(queryClient);
  if (!port) {
    port = kubeCachePort(queryClient);
    ports.set(queryClient, port);
  }
  return port;
};

/** The `kube` room (every cluster's podwatcher records): any change refreshes the Kubernetes views. */
export const kubeRoom: RoomDefinition = {
  key: 'kube',
  room: 'kube',
  create(queryClient) {
    const port = portOf(queryClient);
    return { apply: (batch) => port.apply(batch.deltas), resync: () => port.resync() };
  },
};

/** The `volumes` room as the Kubernetes views follow it: they show their volumes' health and drives. */
export const kubeVolumesRoom: RoomDefinition = {
  key: 'kube-volumes',
  room: 'volumes',
  create(queryClient) {
    const port = portOf(queryClient);
    return { apply: (batch) => port.apply(batch.deltas), resync: () => port.resync() };
  },
};

/** A Kubernetes view's query, kept current by the rooms it depends on. */
export function useKubeQuery<T, K extends readonly unknown[]>(options: UseQueryOptions<T, Error, T, K>) {
  useLiveRoom(kubeRoom);
  useLiveRoom(kubeVolumesRoom);
  return useQuery(options);
}
