import { useQuery } from '@tanstack/react-query';
import { useLiveRoom } from '../../../shared/live/LiveTransportContext';
import { topologySnapshotQuery } from '../api/topologyQuery';
import { topologyRoom } from '../live/topologyRoom';

/** The live topology model (snapshot plus applied deltas) from the query cache; follows the topology room. */
export function useTopologySnapshot() {
  useLiveRoom(topologyRoom);
  return useQuery(topologySnapshotQuery());
}
