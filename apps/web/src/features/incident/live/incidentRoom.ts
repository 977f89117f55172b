import type { IncidentSummary } from '@drivebay/api-types';
import type { RoomDefinition } from '../../../shared/live/rooms';
import { incidentKeys, incidentSummaryQuery } from '../api/incidentQueries';

/**
 * The `incident` room: anchored on the summary the server derived, replaced by each newer one it
 * sends. Every page's banner follows it, so a failure shows everywhere within one batch without
 * a page receiving the drives themselves.
 */
export const incidentRoom: RoomDefinition = {
  key: 'incident',
  room: 'incident',
  create(queryClient) {
    const read = () => queryClient.getQueryData<IncidentSummary>(incidentKeys.summary());
    return {
      anchor: {
        revision: () => read()?.revision,
        load: async () =>
          (await queryClient.fetchQuery({ ...incidentSummaryQuery(), staleTime: 0 })).revision,
      },
      apply(batch) {
        for (const delta of batch.deltas) {
          if (delta.type !== 'incident.summary') continue;
          const current = read();
          if (!current || delta.summary.revision >= current.revision)
            queryClient.setQueryData(incidentKeys.summary(), delta.summary);
        }
      },
      resync() {
        void queryClient.invalidateQueries({ queryKey: incidentKeys.summary() });
      },
    };
  },
};
