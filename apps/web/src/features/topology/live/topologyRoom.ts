import type { QueryClient } from '@tanstack/react-query';
import type { RoomDefinition } from '../../../shared/live/rooms';
import { topologyKeys } from '../api/topologyKeys';
import { topologySnapshotQuery } from '../api/topologyQuery';
import { applyDeltaBatch } from '../model/applyDeltaBatch';
import type { TopologyModel } from '../model/topologyModel';

/**
 * The `topology` room: anchored on the snapshot in the query cache, each batch applied to the
 * model through the pure reducer. Deltas at or below the model's revision are skipped there, so
 * an overlap after a reconnect changes nothing.
 */
export const topologyRoom: RoomDefinition = {
  key: 'topology',
  room: 'topology',
  create(queryClient: QueryClient) {
    const read = () => queryClient.getQueryData<TopologyModel>(topologyKeys.snapshot());
    return {
      anchor: {
        revision: () => read()?.revision,
        // staleTime 0 forces a network fetch; a fetch already in flight is shared, not repeated.
        load: async () =>
          (await queryClient.fetchQuery({ ...topologySnapshotQuery(), staleTime: 0 })).revision,
      },
      apply(batch) {
        const model = read();
        if (!model) return 'gap';
        const outcome = applyDeltaBatch(model, batch);
        if (outcome.type === 'resync') return 'gap';
        if (outcome.model !== model) queryClient.setQueryData(topologyKeys.snapshot(), outcome.model);
        return undefined;
      },
      resync() {
        void queryClient.invalidateQueries({ queryKey: topologyKeys.snapshot() });
      },
    };
  },
};
