import type { DeltaBatch, LiveRoom } from '@drivebay/api-types';
import type { QueryClient } from '@tanstack/react-query';

/**
 * What a feature declares to follow a room of the live hub: the room, and how its deltas reach
 * the feature's cached data. The transport knows no feature; it joins the rooms whose
 * definitions are in use and hands each batch to every handler of that room.
 */
export interface RoomDefinition {
  /** One handler per key, however many components use the definition. */
  readonly key: string;
  readonly room: LiveRoom;
  create(queryClient: QueryClient): RoomHandler;
}

export interface RoomHandler {
  /**
   * A room whose data is one snapshot with a revision (the topology, the incident summary):
   * the revision on screen (undefined while none is loaded), and how to load a fresh one. The
   * room is joined from that revision. Without an anchor the room is joined from now, and the
   * handler's own loads catch up (see `ready`).
   */
  readonly anchor?: {
    revision(): number | undefined;
    load(): Promise<number>;
  };
  /**
   * One batch of the room: its deltas in revision order, chaining from the previous batch's
   * toRevision. 'gap' when the handler's data does not chain with it: the room is reloaded.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most handlers return nothing; only a gap is said.
  apply(batch: DeltaBatch): 'gap' | void;
  /** Changes of the room may have been missed (a gap, a resync, a reconnect too late): reload. */
  resync(): void;
  /** The room is joined: data loaded from now on misses nothing. */
  ready?(): void;
}
