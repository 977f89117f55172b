import { useQuery } from '@tanstack/react-query';
import { topologySnapshotQuery } from '../api/topologyQuery';

/** The live topology model (snapshot plus applied deltas) from the query cache. */
export function useTopologySnapshot() {
  return useQuery(topologySnapshotQuery());
}
