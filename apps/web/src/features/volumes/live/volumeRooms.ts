import type { QueryClient } from '@tanstack/react-query';
import type { RoomDefinition, RoomHandler } from '../../../shared/live/rooms';
import { type VolumeDeltaPort, volumeCachePort } from './volumeCache';

/** One cache port per query client, shared by the volume room and the volume-events room. */
const ports = new WeakMap<QueryClient, VolumeDeltaPort>();
const portOf = (queryClient: QueryClient) => {
  let port = ports.get(queryClient);
  if (!port) {
    port = volumeCachePort(queryClient);
    ports.set(queryClient, port);
  }
  return port;
};

/** The `volumes` room: volume records into every cached list and open volume. */
export const volumesRoom: RoomDefinition = {
  key: 'volumes',
  room: 'volumes',
  create(queryClient): RoomHandler {
    const port = portOf(queryClient);
    return {
      apply: (batch) => port.apply(batch.deltas),
      resync: () => port.resync(),
      ready: () => port.ready(),
    };
  },
};

/** The `events` room as a volume page follows it: only events about volumes, for the volume's timeline. */
export const volumeEventsRoom: RoomDefinition = {
  key: 'volume-events',
  room: 'events',
  create(queryClient): RoomHandler {
    const port = portOf(queryClient);
    return {
      apply(batch) {
        const ofVolumes = batch.deltas.filter((d) => d.type === 'event' && d.event.subject.kind === 'volume');
        if (ofVolumes.length > 0) port.apply(ofVolumes);
      },
      resync: () => port.resync(),
    };
  },
};
