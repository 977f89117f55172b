import type { RoomDefinition } from '../../../shared/live/rooms';
import { eventCachePort } from './eventCache';

/** The `events` room: every domain event into the cached timelines, each through its own filters. */
export const eventsRoom: RoomDefinition = {
  key: 'events',
  room: 'events',
  create(queryClient) {
    const port = eventCachePort(queryClient);
    return {
      apply(batch) {
        const events = batch.deltas.flatMap((d) => (d.type === 'event' ? [d.event] : []));
        if (events.length > 0) port.apply(events);
      },
      resync: () => port.resync(),
    };
  },
};
