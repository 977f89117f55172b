import type { QueryClient } from '@tanstack/react-query';
import { topologyKeys } from '../features/topology/api/topologyKeys';
import { topologySnapshotQuery } from '../features/topology/api/topologyQuery';
import type { TopologyModel } from '../features/topology/model/topologyModel';
import type { TopologyCachePort } from './ports';

/** The topology model's home: the react-query cache entry `topologyKeys.snapshot()`. */
export function queryCachePort(queryClient: QueryClient): TopologyCachePort {
  return {
    read: () => queryClient.getQueryData<TopologyModel>(topologyKeys.snapshot()),
    write: (model) => {
      queryClient.setQueryData(topologyKeys.snapshot(), model);
    },
    // staleTime 0 forces a network fetch; a fetch already in flight is shared, not repeated.
    refetch: () => queryClient.fetchQuery({ ...topologySnapshotQuery(), staleTime: 0 }),
  };
}
