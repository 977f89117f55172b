import type { JoinAck } from './rooms.js';
import type { RoomBatch, RoomResync } from './topology.js';

/** socket.io namespace that carries live topology deltas. */
export const LIVE_NAMESPACE = '/live';

/** Events the server emits. Payloads are parsed by the client with the matching schemas. */
export interface ServerToClientEvents {
  /** A room's deltas. */
  'live:deltas': (batch: RoomBatch) => void;
  /** A room's data must be refetched; the client is no longer in it. */
  'live:resync': (resync: RoomResync) => void;
}

/** Events the client emits. The server parses every payload; the generic is not validation. */
export interface ClientToServerEvents {
  /** Join a room (JoinRequest); acknowledged with the revision deltas follow from. */
  'live:join': (request: unknown, ack: (result: JoinAck) => void) => void;
  /** Leave a room (LeaveRequest). */
  'live:leave': (request: unknown) => void;
}
